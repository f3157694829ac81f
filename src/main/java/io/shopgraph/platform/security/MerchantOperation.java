package io.shopgraph.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * A merchant-side operation: the caller must be a member (staff or partner app) of the store it
 * acts for, holding {@link #value()}. Checked by {@link AccessInterceptor} before the resolver runs.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface MerchantOperation {

    /** The scope the operation needs. */
    @Nonbinding
    Scope value();
}
