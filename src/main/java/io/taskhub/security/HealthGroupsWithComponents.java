package io.taskhub.security;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointProperties;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointWebExtension;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} over the web. Spring Boot names the health groups (liveness, readiness) to every caller,
 * even to one shown no components; here the group names go only with the components, to the operator, and anyone else
 * gets {@code {"status": ...}} alone.
 */
@Component
class HealthGroupsWithComponents extends HealthEndpointWebExtension {

    HealthGroupsWithComponents(HealthContributorRegistry registry, HealthEndpointGroups groups,
                               HealthEndpointProperties properties) {
        super(registry, groups, properties.getLogging().getSlowIndicatorThreshold());
    }

    @Override
    protected HealthComponent aggregateContributions(ApiVersion apiVersion, Map<String, HealthComponent> contributions,
                                                     StatusAggregator statusAggregator, boolean showComponents,
                                                     Set<String> groupNames) {
        return super.aggregateContributions(apiVersion, contributions, statusAggregator, showComponents,
                showComponents ? groupNames : null);
    }
}
