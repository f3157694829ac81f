package io.shopgraph.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A platform-operator operation (creating stores): the caller's bearer token must carry the
 * operator role ({@code shopgraph.platform-operator-role}, default {@code platform-operator}) in
 * its {@code groups} claim. It acts for no store. Checked by {@link AccessInterceptor}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface PlatformOperation {
}
