package io.shopgraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.InjectableBean;
import io.quarkus.arc.InjectableContext.ContextState;
import io.quarkus.arc.ManagedContext;

/**
 * The request context of an execution ends exactly once, and never before the execution finished: whichever of the
 * response's end (normal answer) or the connection's close (client gone) and the execution's end comes first.
 */
class ClientGoneGuardTest {

    @Test
    void aNormalAnswerEndsTheContextWhenTheResponseEnds() {
        RecordingContext context = new RecordingContext();
        ClientGoneInstrumentation.Guard guard = new ClientGoneInstrumentation.Guard(context, context.state, null);
        guard.executionFinished();
        assertThat(context.destroyed).isZero();
        guard.responseDone();
        guard.responseDone(); // end, then close: still once
        assertThat(context.destroyed).isEqualTo(1);
        assertThat(guard.ended()).isTrue();
    }

    @Test
    void aClientThatHangsUpMidwayLeavesTheContextAliveUntilTheExecutionFinished() {
        RecordingContext context = new RecordingContext();
        ClientGoneInstrumentation.Guard guard = new ClientGoneInstrumentation.Guard(context, context.state, null);
        guard.responseDone(); // close
        guard.responseDone(); // exception handler, same close
        assertThat(context.destroyed).isZero();
        assertThat(guard.ended()).isFalse();
        guard.executionFinished();
        guard.executionFinished();
        assertThat(context.destroyed).isEqualTo(1);
    }

    /** Records what a guard does to a request context (a real ArC context needs a running container). */
    private static final class RecordingContext implements ManagedContext {
        final ContextState state = () -> Map.<InjectableBean<?>, Object>of();
        int destroyed;

        @Override
        public void destroy(ContextState destroyedState) {
            assertThat(destroyedState).isSameAs(state);
            destroyed++;
        }

        @Override
        public boolean isActive() {
            return false; // the close arrives on the event loop, where this state is not the current one
        }

        @Override
        public ContextState getState() {
            return state;
        }

        @Override
        public void destroy() {
            throw new AssertionError("a guard destroys its own state, not whatever is current");
        }

        @Override
        public ContextState activate(ContextState initialState) {
            throw new AssertionError("not used");
        }

        @Override
        public void deactivate() {
            throw new AssertionError("not used");
        }

        @Override
        public ContextState initializeState() {
            throw new AssertionError("not used");
        }

        @Override
        public Class<? extends Annotation> getScope() {
            return RequestScoped.class;
        }

        @Override
        public <T> T get(Contextual<T> contextual, CreationalContext<T> creationalContext) {
            throw new AssertionError("not used");
        }

        @Override
        public <T> T get(Contextual<T> contextual) {
            throw new AssertionError("not used");
        }

        @Override
        public void destroy(Contextual<?> contextual) {
            throw new AssertionError("not used");
        }
    }
}
