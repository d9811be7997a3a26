package cn.fangfei.content;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The office's own contact details. They are configuration, never content or code, so that nothing
 * the bot says can carry an invented phone number or address. Editors write {office.phone} and the
 * like in content files; an unset value reads as a polite "please ask".
 */
@ConfigurationProperties("fangfei.office")
public record OfficeContacts(String name, String phone, String address, String hours) {
    static final String UNSET = "(暂未公布,请以镇政府公告为准)";

    public OfficeContacts {
        name = orDefault(name, "镇处非办");
        phone = orDefault(phone, UNSET);
        address = orDefault(address, UNSET);
        hours = orDefault(hours, UNSET);
    }

    public String fill(String text) {
        String out = text;
        for (Map.Entry<String, String> field : Map.of(
                "{office.name}", name, "{office.phone}", phone,
                "{office.address}", address, "{office.hours}", hours).entrySet()) {
            out = out.replace(field.getKey(), field.getValue());
        }
        return out;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
