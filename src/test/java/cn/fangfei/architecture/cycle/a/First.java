package cn.fangfei.architecture.cycle.a;

import cn.fangfei.architecture.cycle.b.Second;

/** Half of a deliberate package cycle that ArchitectureTest must catch. */
public class First {
    Second second;
}
