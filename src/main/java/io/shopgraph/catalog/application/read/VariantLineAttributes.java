package io.shopgraph.catalog.application.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.shopgraph.catalog.api.LineAttributeDeclaration;
import io.shopgraph.catalog.api.LineAttributeType;
import io.shopgraph.catalog.domain.ProductErrorCode;
import io.shopgraph.platform.errors.DomainException;
import io.shopgraph.platform.tenancy.TenantContext;

/** The line attributes a variant declares (what a cart line of it must or may carry), set and read in batches. */
@ApplicationScoped
public class VariantLineAttributes {

    static final int MAX_DECLARATIONS = 10;
    static final int MAX_ALLOWED_VALUES = 50;

    private final EntityManager em;
    private final TenantContext tenant;

    VariantLineAttributes(EntityManager em, TenantContext tenant) {
        this.em = em;
        this.tenant = tenant;
    }

    /** Replaces the variant's declarations, all or nothing; the variant's row is locked so parallel calls serialise. */
    @Transactional
    public List<LineAttributeDeclaration> set(UUID variantId, List<LineAttributeDeclaration> declarations) {
        validate(declarations);
        UUID store = tenant.requireStore().value();
        List<?> locked = em.createNativeQuery("select id from catalog.product_variant where store_id = :store and id = :id for update")
                .setParameter("store", store).setParameter("id", variantId).getResultList();
        if (locked.isEmpty()) {
            throw new DomainException(ProductErrorCode.NOT_FOUND, List.of("variantId"), "No variant with this id exists in this store.");
        }
        em.createNativeQuery("delete from catalog.variant_line_attribute where store_id = :store and variant_id = :id")
                .setParameter("store", store).setParameter("id", variantId).executeUpdate();
        for (int i = 0; i < declarations.size(); i++) {
            LineAttributeDeclaration d = declarations.get(i);
            em.createNativeQuery("insert into catalog.variant_line_attribute (store_id, variant_id, position, key, type, required, "
                    + "max_length, allowed_values) values (:store, :id, :position, :key, :type, :required, :max, "
                    + "string_to_array(:allowed, chr(31)))")
                    .setParameter("store", store).setParameter("id", variantId).setParameter("position", i)
                    .setParameter("key", d.key()).setParameter("type", d.type().name()).setParameter("required", d.required())
                    .setParameter("max", d.maxLength()).setParameter("allowed", String.join(Rows.SEP, d.allowedValues()))
                    .executeUpdate();
        }
        return List.copyOf(declarations);
    }

    /** The declarations of these variants, by variant id, in position order (one statement). */
    @Transactional
    public Map<UUID, List<LineAttributeDeclaration>> byVariants(Collection<UUID> variantIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select variant_id, key, type, required, max_length, "
                + "array_to_string(allowed_values, chr(31)) from catalog.variant_line_attribute "
                + "where store_id = :store and variant_id in (:ids) order by variant_id, position")
                .setParameter("store", tenant.requireStore().value()).setParameter("ids", List.copyOf(variantIds))
                .getResultList();
        Map<UUID, List<LineAttributeDeclaration>> found = new HashMap<>();
        for (Object[] r : rows) {
            found.computeIfAbsent(Rows.uuid(r[0]), k -> new ArrayList<>()).add(new LineAttributeDeclaration(Rows.str(r[1]),
                    LineAttributeType.valueOf(Rows.str(r[2])), Rows.bool(r[3]), Rows.integer(r[4]), Rows.list(r[5])));
        }
        return found;
    }

    /** The declaration rules: plain Java, so they are unit-tested without the application. */
    static void validate(List<LineAttributeDeclaration> declarations) {
        if (declarations.size() > MAX_DECLARATIONS) {
            throw invalid(List.of("lineAttributes"), "A variant declares at most " + MAX_DECLARATIONS + " line attributes.");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < declarations.size(); i++) {
            LineAttributeDeclaration d = declarations.get(i);
            List<String> at = List.of("lineAttributes", String.valueOf(i));
            if (d.key() == null || !d.key().matches("[A-Za-z0-9_-]{1,64}")) {
                throw invalid(append(at, "key"), "A key is 1 to 64 letters, digits, '_' or '-'.");
            }
            if (!keys.add(d.key())) {
                throw invalid(append(at, "key"), "Two declarations share the key " + d.key() + ".");
            }
            if (d.maxLength() < 1 || d.maxLength() > 1000) {
                throw invalid(append(at, "maxLength"), "maxLength is between 1 and 1,000.");
            }
            if (d.type() == LineAttributeType.CHOICE) {
                if (d.allowedValues().isEmpty() || d.allowedValues().size() > MAX_ALLOWED_VALUES) {
                    throw invalid(append(at, "allowedValues"), "A CHOICE has 1 to " + MAX_ALLOWED_VALUES + " allowed values.");
                }
                Set<String> values = new HashSet<>();
                for (String value : d.allowedValues()) {
                    if (value == null || value.isEmpty() || value.length() > d.maxLength() || value.contains(Rows.SEP)
                            || !values.add(value)) {
                        throw invalid(append(at, "allowedValues"),
                                "Allowed values are distinct, not empty and no longer than maxLength.");
                    }
                }
            } else if (!d.allowedValues().isEmpty()) {
                throw invalid(append(at, "allowedValues"), "Only a CHOICE declares allowed values.");
            }
        }
    }

    private static DomainException invalid(List<String> field, String message) {
        return new DomainException(ProductErrorCode.INVALID_VALUE, field, message);
    }

    private static List<String> append(List<String> field, String name) {
        List<String> result = new ArrayList<>(field);
        result.add(name);
        return result;
    }
}
