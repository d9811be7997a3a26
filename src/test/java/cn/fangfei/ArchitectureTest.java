package cn.fangfei;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Package structure rules. Every package under {@code cn.fangfei} is its own slice (so {@code tip} and
 * {@code tip.mail} are two), and no two slices may depend on each other in a circle: a feature can then be read,
 * tested and changed starting from the packages it uses, never from the ones that use it.
 */
@AnalyzeClasses(packages = "cn.fangfei", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("cn.fangfei.(**)")
            .should().beFreeOfCycles();
}
