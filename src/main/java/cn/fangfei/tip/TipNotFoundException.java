package cn.fangfei.tip;

/** No tip with this id (never was, or purged after its retention). */
public class TipNotFoundException extends RuntimeException {
    public TipNotFoundException(String id) {
        super("没有编号为 " + id + " 的线索");
    }
}
