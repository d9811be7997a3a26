package cn.fangfei.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The office's own contact details. They are configuration, never content or code, so that nothing
 * the bot says can carry an invented phone number or address. Editors write {office.phone} and the
 * like in content files; an unset value reads as a polite "please ask". {office.contact} is every
 * configured way to reach the office in one phrase, or, when none is configured, where to find them,
 * said once rather than "暂未公布" after each of phone, address and hours.
 */
@ConfigurationProperties("fangfei.office")
public record OfficeContacts(String name, String phone, String address, String hours) {
    static final String UNSET = "(暂未公布,请以镇政府公告为准)";
    static final String NONE_CONFIGURED = "联系方式请以镇政府公告为准";

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
                "{office.address}", address, "{office.hours}", hours, "{office.contact}", contact()).entrySet()) {
            out = out.replace(field.getKey(), field.getValue());
        }
        return out;
    }

    /** The configured ways to reach the office, e.g. "电话 0000,地址 某路1号"; or where to find them. */
    public String contact() {
        List<String> known = new ArrayList<>();
        if (!phone.equals(UNSET)) {
            known.add("电话 " + phone);
        }
        if (!address.equals(UNSET)) {
            known.add("地址 " + address);
        }
        if (!hours.equals(UNSET)) {
            known.add("办公时间 " + hours);
        }
        return known.isEmpty() ? NONE_CONFIGURED : String.join(",", known);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
