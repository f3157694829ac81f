package io.shopgraph.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * A signed-in customer's operation: a live storefront access token (which decides the store) plus
 * a live customer access token of that store in {@code X-Customer-Token}. Checked by
 * {@link AccessInterceptor}; inside, {@link StoreAccess#requireCustomer()} gives the customer.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface CustomerOperation {

    /**
     * When true, a request with a storefront token but no {@code X-Customer-Token} (a guest) is let through
     * and the resolver answers null; a customer token that is sent must still be live and of this store.
     * For reads a page combines with public fields, such as {@code customer}.
     */
    @Nonbinding
    boolean guestsSeeNull() default false;
}
