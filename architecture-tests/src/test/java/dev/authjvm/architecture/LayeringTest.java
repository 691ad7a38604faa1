package dev.authjvm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * How the modules and packages may depend on each other, checked on the compiled classes of every
 * published module (not their tests).
 */
class LayeringTest {
  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.authjvm");

  private static final String CORE = "dev.authjvm.core..";
  private static final String INTERNAL = "dev.authjvm.core.internal..";
  private static final String[] ADAPTERS = {"dev.authjvm.undertow..", "dev.authjvm.javalin..", "dev.authjvm.servlet.."};
  private static final String[] PLUGINS = {"dev.authjvm.store..", "dev.authjvm.providers.."};

  @Test
  void theCoreHasNoPackageCycle() {
    slices().matching("dev.authjvm.core.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void everyOtherModuleHasNoPackageCycle() {
    slices().matching("dev.authjvm.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theCoreKnowsNoServerStorePluginOrClient() {
    noClasses().that().resideInAPackage(CORE).should().dependOnClassesThat()
        .resideInAnyPackage("dev.authjvm.undertow..", "dev.authjvm.javalin..", "dev.authjvm.servlet..",
            "dev.authjvm.spring..", "dev.authjvm.store..", "dev.authjvm.providers..", "dev.authjvm.client..",
            "dev.authjvm.conformance..")
        .check(CLASSES);
  }

  @Test
  void theCoreDependsOnNoHttpServer() {
    noClasses().that().resideInAPackage(CORE).should().dependOnClassesThat()
        .resideInAnyPackage("io.undertow..", "io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..",
            "org.apache.catalina..", "org.springframework..")
        .check(CLASSES);
  }

  @Test
  void adaptersAreIndependentOfEachOther() {
    for (String adapter : ADAPTERS) {
      String[] others = java.util.Arrays.stream(ADAPTERS).filter(a -> !a.equals(adapter)).toArray(String[]::new);
      noClasses().that().resideInAPackage(adapter).should().dependOnClassesThat().resideInAnyPackage(others)
          .check(CLASSES);
    }
  }

  @Test
  void storesAndProvidersKnowNoAdapter() {
    noClasses().that().resideInAnyPackage(PLUGINS).should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
        .check(CLASSES);
  }

  @Test
  void storesAndProvidersKnowEachOtherNot() {
    noClasses().that().resideInAPackage("dev.authjvm.store..").should().dependOnClassesThat()
        .resideInAPackage("dev.authjvm.providers..").check(CLASSES);
    noClasses().that().resideInAPackage("dev.authjvm.providers..").should().dependOnClassesThat()
        .resideInAPackage("dev.authjvm.store..").check(CLASSES);
  }

  @Test
  void theCoresInternalPackagesAreUsedByTheCoreAlone() {
    noClasses().that().resideOutsideOfPackage(CORE).should().dependOnClassesThat().resideInAPackage(INTERNAL)
        .check(CLASSES);
  }

  /** Only {@code Auth} wires the router; the API packages below it use no more than the JSON and URL codec. */
  @Test
  void theCoresApiPackagesUseNothingInternalButTheCodec() {
    noClasses().that().resideInAPackage(CORE).and().resideOutsideOfPackages(INTERNAL, "dev.authjvm.core")
        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(INTERNAL)
            .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("dev.authjvm.core.internal.codec.."))))
        .check(CLASSES);
  }

  @Test
  void theSpiAndErrorPackagesDependOnValuesOnly() {
    classes().that().resideInAnyPackage("dev.authjvm.core.spi..", "dev.authjvm.core.error..").should()
        .onlyDependOnClassesThat().resideInAnyPackage("dev.authjvm.core.spi..", "dev.authjvm.core.error..",
            "dev.authjvm.core.provider..", "dev.authjvm.core.store..", "java..")
        .check(CLASSES);
  }

  @Test
  void publicApiMethodsExposeNoInternalType() {
    methods().that().arePublic().and().areDeclaredInClassesThat().resideInAPackage(CORE)
        .and().areDeclaredInClassesThat().resideOutsideOfPackage(INTERNAL)
        .and().areDeclaredInClassesThat().arePublic()
        .should(exposeNoInternalType()).check(CLASSES);
  }

  @Test
  void publicStaticFieldsAreFinal() {
    fields().that().arePublic().and().areStatic().should().beFinal().check(CLASSES);
  }

  @Test
  void noPublicStaticFieldHoldsSomethingMutable() {
    noFields().that().arePublic().and().areStatic().should().haveRawType(ObjectMapper.class).check(CLASSES);
    noFields().that().arePublic().and().areStatic().should().haveRawType(arrays()).check(CLASSES);
  }

  private static DescribedPredicate<JavaClass> arrays() {
    return DescribedPredicate.describe("an array", JavaClass::isArray);
  }

  private static ArchCondition<JavaMethod> exposeNoInternalType() {
    return new ArchCondition<>("expose no type of the core's internal packages") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        boolean internalReturn = isInternal(method.getRawReturnType());
        boolean internalParameter = method.getRawParameterTypes().stream().anyMatch(LayeringTest::isInternal);
        if (internalReturn || internalParameter) {
          events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes an internal type"));
        }
      }
    };
  }

  private static boolean isInternal(JavaClass type) {
    return type.getPackageName().startsWith("dev.authjvm.core.internal");
  }
}
