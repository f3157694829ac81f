package io.shopgraph.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a bounded context on its {@code package-info.java}. The architecture test reads these
 * declarations, so adding a module needs no new test code.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface Module {

    /** Module name; also the PostgreSQL schema that holds its tables. */
    String name();

    /** Names of the modules whose {@code api} packages this module may use. */
    String[] allowedDependencies() default {};

    /** Package patterns other modules may use (ArchUnit syntax). */
    String[] exposedPackages();
}
