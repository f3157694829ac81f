package io.shopgraph.platform.security;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Enforces the access annotations of GraphQL operations before the resolver body runs, and binds
 * the request to the store the credential opens. One declaration per operation, one place that
 * checks it, and a test that reads the same declarations to prove every operation is covered.
 */
public abstract class AccessInterceptor {

    final StoreAccess access;

    AccessInterceptor(StoreAccess access) {
        this.access = access;
    }

    /** {@link MerchantOperation}. */
    @MerchantOperation(Scope.READ_SETTINGS)
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10)
    public static class Merchant extends AccessInterceptor {

        Merchant(StoreAccess access) {
            super(access);
        }

        @AroundInvoke
        Object check(InvocationContext context) throws Exception {
            access.requireMerchant(context.getInterceptorBinding(MerchantOperation.class).value());
            return context.proceed();
        }
    }

    /** {@link StorefrontOperation}. */
    @StorefrontOperation
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10)
    public static class Storefront extends AccessInterceptor {

        Storefront(StoreAccess access) {
            super(access);
        }

        @AroundInvoke
        Object check(InvocationContext context) throws Exception {
            access.requireStorefront();
            return context.proceed();
        }
    }

    /** {@link SharedOperation}. */
    @SharedOperation
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10)
    public static class Shared extends AccessInterceptor {

        Shared(StoreAccess access) {
            super(access);
        }

        @AroundInvoke
        Object check(InvocationContext context) throws Exception {
            if (access.requireAny() == StoreAccess.Audience.MERCHANT) {
                for (Scope scope : context.getInterceptorBinding(SharedOperation.class).merchantScope()) {
                    access.requireMerchant(scope);
                }
            }
            return context.proceed();
        }
    }

    /** {@link PlatformOperation}. */
    @PlatformOperation
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10)
    public static class Platform extends AccessInterceptor {

        Platform(StoreAccess access) {
            super(access);
        }

        @AroundInvoke
        Object check(InvocationContext context) throws Exception {
            access.requirePlatformOperator();
            return context.proceed();
        }
    }

    /** {@link CustomerOperation}. */
    @CustomerOperation
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10)
    public static class Customer extends AccessInterceptor {

        Customer(StoreAccess access) {
            super(access);
        }

        @AroundInvoke
        Object check(InvocationContext context) throws Exception {
            if (context.getInterceptorBinding(CustomerOperation.class).guestsSeeNull()) {
                access.customer();
            } else {
                access.requireCustomer();
            }
            return context.proceed();
        }
    }
}
