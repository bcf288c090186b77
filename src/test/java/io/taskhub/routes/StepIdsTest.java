package io.taskhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.taskhub.support.HubTest;
import org.apache.camel.CamelContext;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.DelayDefinition;
import org.apache.camel.model.LoopDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SplitDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hawtio names a sync's steps as its route files do: every call (to, toD, bean), loop, split, wait and error handler
 * of the sync and provider routes carries an id of its own, so that the console's diagram and per-step statistics
 * say {@code xero-call-contacts}, not {@code to5} or {@code onException2}.
 */
@HubTest
class StepIdsTest {

    /** The steps an operator looks for in the console. */
    private static final Set<Class<?>> SIGNIFICANT = Set.of(ToDefinition.class, ToDynamicDefinition.class,
            BeanDefinition.class, LoopDefinition.class, SplitDefinition.class, DelayDefinition.class,
            OnExceptionDefinition.class);

    @Autowired
    CamelContext camel;

    @Test
    void everySignificantStepOfTheSyncRoutesIsNamed() {
        ModelCamelContext model = (ModelCamelContext) camel;
        List<String> unnamed = new ArrayList<>();
        int named = 0;
        for (RouteDefinition route : model.getRouteDefinitions()) {
            if (!Boolean.TRUE.equals(route.isRest())) {
                named += walk(route.getRouteId(), route.getOutputs(), unnamed);
            }
        }
        for (RouteConfigurationDefinition configuration : model.getRouteConfigurationDefinitions()) {
            named += walk(configuration.getId(), new ArrayList<>(configuration.getOnExceptions()), unnamed);
        }
        assertThat(named).as("named steps").isGreaterThan(50);
        assertThat(unnamed).as("steps Hawtio would show by a generated name").isEmpty();
    }

    private static int walk(String owner, List<? extends ProcessorDefinition<?>> steps, List<String> unnamed) {
        int named = 0;
        for (ProcessorDefinition<?> step : steps) {
            if (SIGNIFICANT.contains(step.getClass())) {
                if (step.hasCustomIdAssigned()) {
                    named++;
                } else {
                    unnamed.add(owner + ": " + step.getShortName() + " " + step.getLabel());
                }
            }
            named += walk(owner, step.getOutputs(), unnamed);
        }
        return named;
    }
}
