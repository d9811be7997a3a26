package cn.fangfei.simulator;

/** Message XML in WeChat's own layout: text fields in CDATA, numbers bare, under a root named xml. */
final class WechatXmlWriter {
    private final StringBuilder xml = new StringBuilder("<xml>");

    WechatXmlWriter text(String name, String value) {
        xml.append('<').append(name).append("><![CDATA[")
                .append(xmlSafe(value).replace("]]>", "]]]]><![CDATA[>"))
                .append("]]></").append(name).append('>');
        return this;
    }

    WechatXmlWriter number(String name, long value) {
        xml.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
        return this;
    }

    String build() {
        return xml + "</xml>";
    }

    /** Drops the characters XML 1.0 cannot carry at all (most control characters). */
    private static String xmlSafe(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints()
                .filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000)
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
