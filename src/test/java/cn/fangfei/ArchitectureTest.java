package cn.fangfei;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Package structure rules. Every package under {@code cn.fangfei} is its own slice (so {@code tip} and
 * {@code tip.mail} are two), and no two slices may depend on each other in a circle: a feature can then be read,
 * tested and changed starting from the packages it uses, never from the ones that use it.
 */
class ArchitectureTest {

    static ArchRule packagesFreeOfCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    @Test
    void applicationPackagesAreFreeOfCycles() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("cn.fangfei");

        packagesFreeOfCycles("cn.fangfei").check(main);
    }

    @Test
    void theRuleCatchesACycle() {
        JavaClasses cycle = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("cn.fangfei.architecture.cycle");

        assertThatThrownBy(() -> packagesFreeOfCycles("cn.fangfei.architecture.cycle").check(cycle))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }
}
