package io.taskhub.config;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PackageScanClassResolver;
import org.apache.camel.spi.PackageScanFilter;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.PluginHelper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * camel-salesforce scans the class path for its DTO and event classes each time a component starts, that is at
 * every org's login: in the packaged jar a walk through every nested jar, most of a login's CPU. The class path does
 * not change while the hub runs, so each scan's answer is kept; everything else goes to Camel's own resolver.
 */
final class RememberedPackageScan implements PackageScanClassResolver {

    @Configuration
    static class Installer {
        @Bean
        CamelContextConfiguration rememberedPackageScan() {
            return new CamelContextConfiguration() {
                @Override
                public void beforeApplicationStart(CamelContext camel) {
                    camel.getCamelContextExtension().addContextPlugin(PackageScanClassResolver.class,
                            new RememberedPackageScan(PluginHelper.getPackageScanClassResolver(camel)));
                }

                @Override
                public void afterApplicationStart(CamelContext camel) {
                }
            };
        }
    }

    private final PackageScanClassResolver scanner;
    private final Map<List<Object>, Set<Class<?>>> implementations = new ConcurrentHashMap<>();

    RememberedPackageScan(PackageScanClassResolver scanner) {
        this.scanner = scanner;
    }

    @Override
    public Set<Class<?>> findImplementations(Class<?> parent, String... packageNames) {
        return implementations.computeIfAbsent(List.of(parent, Arrays.asList(packageNames)),
                key -> Set.copyOf(scanner.findImplementations(parent, packageNames)));
    }

    @Override
    public Set<ClassLoader> getClassLoaders() {
        return scanner.getClassLoaders();
    }

    @Override
    public void addClassLoader(ClassLoader classLoader) {
        scanner.addClassLoader(classLoader);
        implementations.clear();
    }

    @Override
    public Set<Class<?>> findAnnotated(Class<? extends Annotation> annotation, String... packageNames) {
        return scanner.findAnnotated(annotation, packageNames);
    }

    @Override
    public Set<Class<?>> findAnnotated(Set<Class<? extends Annotation>> annotations, String... packageNames) {
        return scanner.findAnnotated(annotations, packageNames);
    }

    @Override
    public Set<Class<?>> findByFilter(PackageScanFilter filter, String... packageNames) {
        return scanner.findByFilter(filter, packageNames);
    }

    @Override
    public void addFilter(PackageScanFilter filter) {
        scanner.addFilter(filter);
        implementations.clear();
    }

    @Override
    public void removeFilter(PackageScanFilter filter) {
        scanner.removeFilter(filter);
        implementations.clear();
    }

    @Override
    public void setAcceptableSchemes(String schemes) {
        scanner.setAcceptableSchemes(schemes);
        implementations.clear();
    }

    @Override
    public void clearCache() {
        scanner.clearCache();
        implementations.clear();
    }

    @Override
    public void start() {
        scanner.start();
    }

    @Override
    public void stop() {
        scanner.stop();
    }
}
