package io.shopgraph.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.modules.syntax.ModuleDependencyScope.consideringOnlyDependenciesInAnyPackage;
import static com.tngtech.archunit.library.modules.syntax.ModuleRuleDefinition.modules;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shopgraph.platform.Module;
import io.shopgraph.platform.events.DomainEvent;
import io.shopgraph.platform.security.CustomerOperation;
import io.shopgraph.platform.security.MerchantOperation;
import io.shopgraph.platform.security.PlatformOperation;
import io.shopgraph.platform.security.SharedOperation;
import io.shopgraph.platform.security.StorefrontOperation;

/**
 * DESIGN.md rules 1-5, written once for every module: a new module only needs its
 * {@code package-info.java} with {@link Module}; no test code changes and no exemptions.
 */
class ArchitectureTest {

    static final String ROOT = "io.shopgraph";

    /** DESIGN.md's module map: what each module may use at most. */
    static final Map<String, Set<String>> DESIGN_DEPENDENCIES = Map.ofEntries(
            Map.entry("platform", Set.of()),
            Map.entry("store", Set.of("platform")),
            Map.entry("customers", Set.of("platform", "store")),
            Map.entry("catalog", Set.of("platform", "store")),
            Map.entry("inventory", Set.of("platform", "store", "catalog")),
            Map.entry("payments", Set.of("platform", "store")),
            Map.entry("bookings", Set.of("platform", "store", "catalog")),
            Map.entry("cart", Set.of("platform", "store", "catalog", "inventory", "customers", "bookings")),
            Map.entry("orders", Set.of("platform", "store", "customers", "catalog", "payments")),
            Map.entry("checkout", Set.of("platform", "store", "cart", "catalog", "inventory", "customers", "payments", "orders", "bookings")),
            // Digital goods (issue 15): files and keys of DIGITAL variants, delivered when orders publish OrderPaid.
            Map.entry("digital", Set.of("platform", "store", "catalog", "orders")),
            Map.entry("analytics", Set.of("platform", "store")),
            // Order topics render the order as the API shows it (OrdersApi.order), so webhooks use orders' api.
            Map.entry("webhooks", Set.of("platform", "store", "orders")),
            // Order mails (issue 15): the order and the store's name, contact email and locale.
            Map.entry("notifications", Set.of("platform", "store", "customers", "orders")),
            // The embed (issue 16) serves static files; the widget reaches the rest through the public API only.
            Map.entry("embed", Set.of("platform")));

    /**
     * DESIGN.md: these modules may also read every other module's event records ({@code <module>.api.events})
     * and nothing else of them (the outbox consumers of analytics and outgoing webhooks).
     */
    static final Set<String> EVENT_RECORD_READERS = Set.of("analytics", "webhooks");

    /**
     * The GraphQL annotations that only describe a type and may sit on records outside graphql packages.
     * {@code Ignore} keeps a view's internal component (e.g. the locale a product was read in) out of the schema.
     */
    static final Set<String> DESCRIPTIVE_GRAPHQL_ANNOTATIONS = Set.of("Type", "Input", "Name", "Description", "NonNull",
            "Id", "DefaultValue", "Enum", "Interface", "Ignore");

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void everyModuleIsDeclaredAndKnownToTheDesign() {
        Set<String> declared = new HashSet<>();
        CLASSES.stream().map(JavaClass::getPackage).distinct()
                .forEach(p -> p.tryGetAnnotationOfType(Module.class).ifPresent(m -> {
                    declared.add(m.name());
                    assertThat(DESIGN_DEPENDENCIES).as("module %s is in DESIGN.md's module map", m.name()).containsKey(m.name());
                    Set<String> allowed = new HashSet<>(DESIGN_DEPENDENCIES.get(m.name()));
                    if (EVENT_RECORD_READERS.contains(m.name())) {
                        allowed.addAll(DESIGN_DEPENDENCIES.keySet());
                        allowed.remove(m.name());
                    }
                    assertThat(allowed)
                            .as("module %s may use only what DESIGN.md allows", m.name())
                            .containsAll(Arrays.asList(m.allowedDependencies()));
                    assertThat(p.getName()).isEqualTo(ROOT + "." + m.name());
                }));
        assertThat(declared).contains("platform", "store");
        CLASSES.stream()
                .filter(c -> c.getPackageName().startsWith(ROOT + "."))
                .forEach(c -> assertThat(moduleOf(c)).as("%s belongs to a declared module", c.getName())
                        .isPresent().get().isIn(declared));
    }

    @Test
    void rule1and2_modulesUseOnlyAllowedModulesThroughTheirApiAndHaveNoCycles() {
        modules().definedByAnnotation(Module.class)
                .should().respectTheirAllowedDependenciesDeclaredIn("allowedDependencies",
                        consideringOnlyDependenciesInAnyPackage(ROOT + ".."))
                .andShould().onlyDependOnEachOtherThroughPackagesDeclaredIn("exposedPackages")
                .andShould().beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void eventRecordReadersUseOtherModulesOnlyThroughTheirEventRecords() {
        for (String reader : EVENT_RECORD_READERS) {
            Set<String> direct = DESIGN_DEPENDENCIES.get(reader);
            noClasses().that().resideInAPackage(ROOT + "." + reader + "..")
                    .should().dependOnClassesThat(DescribedPredicate.describe("belong to a module outside " + direct
                            + " and are not in its api.events package", (JavaClass c) -> moduleOf(c)
                                    .filter(m -> !m.equals(reader) && !direct.contains(m))
                                    .isPresent() && !c.getPackageName().matches(".*\\.api\\.events(\\..*)?")))
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }

    @Test
    void outboxEventsAreRegisteredRecordsInTheirModulesApiEvents() {
        classes().that().implement(DomainEvent.class).and().areNotInterfaces()
                .should().resideInAPackage("..api.events")
                .andShould().beAnnotatedWith(RegisterForReflection.class)
                .check(CLASSES);
    }

    @Test
    void rule2_layersInsideAModulePointInward() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..application..", "..infra..")
                .orShould().dependOnClassesThat(areInAModuleGraphqlPackage())
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("..application..", "..api..", "..infra..")
                .should().dependOnClassesThat(areInAModuleGraphqlPackage())
                .check(CLASSES);
    }

    @Test
    void rule3_entitiesStayInTheirModulesDomainAndApplication() {
        classes().that().areAnnotatedWith(Entity.class).should().resideInAPackage("..domain..").check(CLASSES);
        noClasses().that().resideOutsideOfPackages("..domain..", "..application..")
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .check(CLASSES);
    }

    @Test
    void rule4_entitiesMapToTheirOwnModulesSchema() {
        classes().that().areAnnotatedWith(Entity.class).should(mapToOwnSchema()).check(CLASSES);
    }

    @Test
    void rule5_stripeIsConfinedToPaymentsInfraStripe() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".payments.infra.stripe..")
                .should().dependOnClassesThat().resideInAPackage("com.stripe..")
                .check(CLASSES);
    }

    @Test
    void rule5_onlyGraphqlPackagesUseGraphqlBeyondDescriptiveAnnotations() {
        noClasses().that().resideOutsideOfPackage("..graphql..")
                .should().dependOnClassesThat(areNonDescriptiveGraphqlTypes())
                .check(CLASSES);
    }

    /** Parse once: one parsed document per text, shared by the routes and the engine (docs/performance.md). */
    @Test
    void onlyParsedDocumentsParsesGraphqlOperations() {
        noClasses().that().doNotHaveFullyQualifiedName(ROOT + ".platform.graphql.ParsedDocuments")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("graphql-java's Parser.parse",
                        call -> call.getTarget().getOwner().isEquivalentTo(graphql.parser.Parser.class)
                                && call.getTarget().getName().startsWith("parse")))
                .check(CLASSES);
    }

    /** JSON-P's provider is looked up once (platform.kernel.JsonP): jakarta.json.Json's factories run a ServiceLoader per call. */
    @Test
    void noCodeCallsJsonPFactoriesThatLookTheProviderUpPerCall() {
        noClasses().should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("a jakarta.json.Json factory",
                call -> call.getTarget().getOwner().isEquivalentTo(jakarta.json.Json.class)))
                .check(CLASSES);
    }

    @Test
    void everyGraphqlOperationDeclaresWhoMayCallIt() {
        methods().that().areAnnotatedWith(Query.class).or().areAnnotatedWith(Mutation.class)
                .should(declareExactlyOneAccessAnnotation())
                .check(CLASSES);
    }

    /**
     * Inside a module, the rooms ({@code api}, {@code graphql}, {@code domain}, {@code seed}, {@code application}
     * and each of its sub-rooms such as {@code application.read} or {@code application.product}) depend on each
     * other in one direction only: a room never reaches back into a room that depends on it (the static helper
     * hub that made catalog's commands and rules call each other is what this rule keeps out).
     */
    @Test
    void roomsInsideAModuleDependOnEachOtherWithoutCycles() {
        SlicesRuleDefinition.slices().assignedFrom(ROOMS).should().beFreeOfCycles().check(CLASSES);
    }

    /** DESIGN.md "domain": JPA entities, their mapped superclasses and repositories live in a module's domain room only. */
    @Test
    void entitiesMappedSuperclassesAndRepositoriesLiveOnlyInDomain() {
        classes().that().areAnnotatedWith(Entity.class).or().areAnnotatedWith(MappedSuperclass.class)
                .or().areAnnotatedWith(Embeddable.class)
                .should().resideInAPackage("..domain..")
                .orShould().resideInAPackage(ROOT + ".platform.tenancy") // TenantOwnedEntity, the kernel's tenant column
                .check(CLASSES);
        classes().that().areAssignableTo(PanacheRepositoryBase.class).and().areNotInterfaces()
                .should().resideInAPackage("..domain..")
                .check(CLASSES);
    }

    /**
     * DESIGN.md "seed/": demo, reference and generated data are for dev mode, tests and bench/ only. Production
     * code never calls them; they are started by their own startup observers when their setting enables them.
     */
    @Test
    void seedRoomsAreNotReachableFromProductionCode() {
        noClasses().that().resideOutsideOfPackage("..seed..")
                .should().dependOnClassesThat().resideInAPackage("..seed..")
                .check(CLASSES);
    }

    /**
     * DESIGN.md: each module reads its settings through one {@code @ConfigMapping} interface (defaults in one
     * place). {@code @ConfigProperty} remains for Quarkus' own keys only (the datasource, the OIDC server).
     */
    @Test
    void shopgraphSettingsAreReadThroughConfigMappingsOnly() {
        classes().should(readNoShopgraphSettingThroughConfigProperty()).check(CLASSES);
    }

    private static final SliceAssignment ROOMS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            Matcher m = Pattern.compile(Pattern.quote(ROOT) + "\\.([a-z]+)\\.(application(?:\\.[a-z]+)?|[a-z]+)(\\..*)?")
                    .matcher(javaClass.getPackageName());
            if (!m.matches() || m.group(1).equals("platform")) {
                return SliceIdentifier.ignore(); // platform is the kernel: its packages are libraries, not rooms
            }
            String room = m.group(2);
            // api.events is part of the api room
            return SliceIdentifier.of(m.group(1) + "." + room);
        }

        @Override
        public String getDescription() {
            return "the rooms of each module";
        }
    };

    private static ArchCondition<JavaClass> readNoShopgraphSettingThroughConfigProperty() {
        return new ArchCondition<>("read no shopgraph.* setting through @ConfigProperty") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaField field : javaClass.getFields()) {
                    field.tryGetAnnotationOfType(ConfigProperty.class).ifPresent(a -> report(events, field.getFullName(), a));
                }
                for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                    for (JavaParameter parameter : unit.getParameters()) {
                        parameter.tryGetAnnotationOfType(ConfigProperty.class).ifPresent(a -> report(events, unit.getFullName(), a));
                    }
                }
            }

            private void report(ConditionEvents events, String where, ConfigProperty property) {
                boolean ok = !property.name().startsWith("shopgraph.");
                events.add(new SimpleConditionEvent(where, ok, where + " reads " + property.name() + " through @ConfigProperty"));
            }
        };
    }

    private static ArchCondition<JavaMethod> declareExactlyOneAccessAnnotation() {
        return new ArchCondition<>("declare exactly one of @StorefrontOperation, @MerchantOperation, @SharedOperation, @PlatformOperation, @CustomerOperation") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                long declared = Stream.of(StorefrontOperation.class, MerchantOperation.class, SharedOperation.class,
                        PlatformOperation.class, CustomerOperation.class)
                        .filter(method::isAnnotatedWith).count();
                events.add(new SimpleConditionEvent(method, declared == 1,
                        method.getFullName() + " declares " + declared + " access annotations"));
            }
        };
    }

    static Optional<String> moduleOf(JavaClass javaClass) {
        Matcher matcher = Pattern.compile(Pattern.quote(ROOT) + "\\.([a-z]+)(\\..*)?").matcher(javaClass.getPackageName());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static DescribedPredicate<JavaClass> areInAModuleGraphqlPackage() {
        return DescribedPredicate.describe("are in a module's graphql package",
                c -> c.getPackageName().matches(Pattern.quote(ROOT) + "\\.(?!platform\\.)[a-z]+\\.graphql(\\..*)?"));
    }

    private static DescribedPredicate<JavaClass> areNonDescriptiveGraphqlTypes() {
        return DescribedPredicate.describe("are GraphQL types other than the descriptive annotations "
                + DESCRIPTIVE_GRAPHQL_ANNOTATIONS, c -> {
                    String pkg = c.getPackageName();
                    if (pkg.startsWith("io.smallrye.graphql") || pkg.startsWith("graphql")) {
                        return true;
                    }
                    return pkg.equals("org.eclipse.microprofile.graphql") && !DESCRIPTIVE_GRAPHQL_ANNOTATIONS.contains(c.getSimpleName());
                });
    }

    private static ArchCondition<JavaClass> mapToOwnSchema() {
        return new ArchCondition<>("map to a table in their own module's schema") {
            @Override
            public void check(JavaClass entity, ConditionEvents events) {
                String module = moduleOf(entity).orElse("?");
                String schema = entity.tryGetAnnotationOfType(Table.class).map(Table::schema).orElse("");
                boolean ok = schema.equals(module);
                events.add(new SimpleConditionEvent(entity, ok,
                        entity.getName() + " maps to schema '" + schema + "' but belongs to module '" + module + "'"));
            }
        };
    }

}
