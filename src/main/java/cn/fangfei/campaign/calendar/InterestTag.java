package cn.fangfei.campaign.calendar;

/** Something a subscriber may say they care about, such as 老年人; the id names its Redis set. */
public record InterestTag(String id, String name) {
}
