package cn.fangfei.faq;

import java.util.List;

/** An editor's change that breaks the content rules; each problem is a sentence the editor can act on. */
public class EditRejected extends IllegalArgumentException {
    private final List<String> problems;

    public EditRejected(List<String> problems) {
        super(String.join(";", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
