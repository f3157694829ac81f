package io.shopgraph.platform.persistence;

import java.util.concurrent.atomic.AtomicLong;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.shopgraph.platform.cache.LocalWrites;

/**
 * Counts every SQL statement Hibernate prepares (entity, HQL and native alike). Tests read the
 * count around one HTTP request to prove that a query's statement budget does not grow with the
 * page size. An atomic increment per statement is cheap enough to keep in production. Writes also
 * tell the storefront response cache ({@link LocalWrites}).
 */
@PersistenceUnitExtension
public class SqlStatementCounter implements StatementInspector {

    private static final AtomicLong STATEMENTS = new AtomicLong();

    @Override
    public String inspect(String sql) {
        STATEMENTS.incrementAndGet();
        LocalWrites.statement(sql);
        return sql;
    }

    public static long total() {
        return STATEMENTS.get();
    }
}
