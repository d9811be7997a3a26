package cn.fangfei.architecture.cycle.b;

import cn.fangfei.architecture.cycle.a.First;

/** The other half of a deliberate package cycle that ArchitectureTest must catch. */
public class Second {
    First first;
}
