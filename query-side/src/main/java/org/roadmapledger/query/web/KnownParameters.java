package org.roadmapledger.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Enforces {@link KnownParametersOnly}: the parameters of a request must be among its handler's. */
@Configuration(proxyBeanMethods = false)
class KnownParameters implements WebMvcConfigurer, HandlerInterceptor {

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method
                && method.getBeanType().isAnnotationPresent(KnownParametersOnly.class)) {
            Set<String> declared = known.computeIfAbsent(method.getMethod(), KnownParameters::declared);
            for (String name : new TreeSet<>(request.getParameterMap().keySet())) {
                if (!declared.contains(name)) {
                    throw new InvalidParameter(name, "is not a parameter of this endpoint, which takes "
                            + (declared.isEmpty() ? "none" : String.join(", ", declared)));
                }
            }
        }
        return true;
    }

    private static Set<String> declared(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            RequestParam annotation = parameter.getAnnotation(RequestParam.class);
            if (annotation != null) {
                names.add(StringUtils.hasText(annotation.name()) ? annotation.name() : parameter.getName());
            }
        }
        return names;
    }
}
