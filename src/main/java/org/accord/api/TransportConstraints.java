package org.accord.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks the Bean Validation constraints that OpenAPI Generator writes on the transport types
 * ({@code @NotNull}, {@code @Min}, {@code @Max}, {@code @Size}, and {@code @Pattern},
 * {@code @DecimalMin}, {@code @DecimalMax} should the document use them), cascading into nested
 * transport types and lists of them, with Hibernate Validator's messages.
 *
 * <p>Why not Hibernate Validator itself: on the 25-practice example it took about a quarter
 * of a millisecond and 0.9 MB of garbage per request, more than reading the JSON; this takes a
 * few microseconds. The annotations stay the source of truth: they are read once per class, and
 * a constraint this class does not know stops the service from starting rather than going unchecked.
 */
final class TransportConstraints implements Validator {

    private static final String MODEL_PACKAGE = "org.accord.api.generated.model";

    /** Arrays, not lists: walked for every bean of every request, where a list's iterator per property and per constraint list was garbage. */
    private static final ClassValue<Property[]> PROPERTIES = new ClassValue<>() {
        @Override
        protected Property[] computeValue(Class<?> type) {
            return properties(type);
        }
    };

    @Override
    public boolean supports(Class<?> type) {
        return isTransportType(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        check(target, new Path(null, "", -1), errors);
    }

    /** Reads every transport type's constraints now, so an unknown one fails at start-up. */
    static void inspect(Collection<Class<?>> types) {
        types.forEach(PROPERTIES::get);
    }

    private static boolean isTransportType(Class<?> type) {
        return TRANSPORT_TYPE.get(type);
    }

    /**
     * Asked of every value of every request (each list element, each decimal and string), and a
     * third of the constraints' samples in a profile of the service fell in it (in
     * {@code Class.getPackageName()}): remembered per class instead.
     */
    private static final ClassValue<Boolean> TRANSPORT_TYPE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return MODEL_PACKAGE.equals(type.getPackageName()) && !type.isEnum();
        }
    };

    /**
     * Where a bean sits in the request, written out as Spring's binding names it only when a
     * constraint fails: most requests break none, and every practice and measure has a path.
     */
    private record Path(Path parent, String name, int index) {

        String at(String property) {
            String here = toString();
            return here.isEmpty() ? property : here + "." + property;
        }

        @Override
        public String toString() {
            if (parent == null) {
                return name;
            }
            String property = parent.at(name);
            return index < 0 ? property : property + "[" + index + "]";
        }
    }

    private static void check(Object bean, Path path, Errors errors) {
        for (Property property : PROPERTIES.get(bean.getClass())) {
            Object value = property.value(bean);
            for (Constraint constraint : property.constraints()) {
                if (!constraint.accepts(value)) {
                    errors.rejectValue(path.at(property.name()), constraint.code(), constraint.message());
                }
            }
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    Object element = list.get(i);
                    if (element != null && isTransportType(element.getClass())) {
                        check(element, new Path(path, property.name(), i), errors);
                    }
                }
            } else if (value != null && isTransportType(value.getClass())) {
                check(value, new Path(path, property.name(), -1), errors);
            }
        }
    }

    private static Property[] properties(Class<?> type) {
        List<Property> properties = new ArrayList<>();
        for (Method getter : type.getMethods()) {
            String name = propertyName(getter);
            if (name == null || getter.getDeclaringClass() != type) {
                continue;
            }
            List<Constraint> constraints = new ArrayList<>();
            for (Annotation annotation : getter.getAnnotations()) {
                Constraint constraint = constraint(annotation, type.getSimpleName() + "." + name);
                if (constraint != null) {
                    constraints.add(constraint);
                }
            }
            properties.add(new Property(name, accessor(getter), constraints.toArray(Constraint[]::new)));
        }
        properties.sort(java.util.Comparator.comparing(Property::name));
        return properties.toArray(Property[]::new);
    }

    private static String propertyName(Method method) {
        if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0) {
            return null;
        }
        String name = method.getName();
        int prefix = name.startsWith("get") && !name.equals("getClass") ? 3 : name.startsWith("is") ? 2 : 0;
        if (prefix == 0 || name.length() == prefix) {
            return null;
        }
        return Character.toLowerCase(name.charAt(prefix)) + name.substring(prefix + 1);
    }

    private static Constraint constraint(Annotation annotation, String where) {
        if (annotation instanceof NotNull) {
            return new Constraint("NotNull", "must not be null", value -> value != null);
        }
        if (annotation instanceof Min min) {
            return new Constraint("Min", "must be greater than or equal to " + min.value(),
                    value -> value == null || compare(value, min.value()) >= 0);
        }
        if (annotation instanceof Max max) {
            return new Constraint("Max", "must be less than or equal to " + max.value(),
                    value -> value == null || compare(value, max.value()) <= 0);
        }
        if (annotation instanceof DecimalMin min) {
            BigDecimal bound = new BigDecimal(min.value());
            return new Constraint("DecimalMin", "must be greater than " + (min.inclusive() ? "or equal to " : "") + min.value(),
                    value -> value == null || (min.inclusive() ? decimal(value).compareTo(bound) >= 0 : decimal(value).compareTo(bound) > 0));
        }
        if (annotation instanceof DecimalMax max) {
            BigDecimal bound = new BigDecimal(max.value());
            return new Constraint("DecimalMax", "must be less than " + (max.inclusive() ? "or equal to " : "") + max.value(),
                    value -> value == null || (max.inclusive() ? decimal(value).compareTo(bound) <= 0 : decimal(value).compareTo(bound) < 0));
        }
        if (annotation instanceof Size size) {
            return new Constraint("Size", "size must be between " + size.min() + " and " + size.max(), value -> {
                int length = value instanceof Collection<?> c ? c.size() : value instanceof Map<?, ?> m ? m.size()
                        : value instanceof CharSequence s ? s.length() : -1;
                return value == null || (length >= size.min() && length <= size.max());
            });
        }
        if (annotation instanceof Pattern pattern) {
            java.util.regex.Pattern regex = java.util.regex.Pattern.compile(pattern.regexp());
            return new Constraint("Pattern", "must match \"" + pattern.regexp() + "\"",
                    value -> value == null || regex.matcher(value.toString()).matches());
        }
        if (annotation.annotationType().getPackageName().equals("jakarta.validation.constraints")) {
            throw new IllegalStateException(where + " has @" + annotation.annotationType().getSimpleName()
                    + ", which TransportConstraints does not check: teach it, or the constraint goes unchecked");
        }
        return null;
    }

    private static int compare(Object value, long bound) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Long.compare(((Number) value).longValue(), bound);
        }
        return decimal(value).compareTo(BigDecimal.valueOf(bound));
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    /** The getter as a method handle taking and giving Object: read per property of every request, reflection costs more. */
    private static MethodHandle accessor(Method getter) {
        try {
            return MethodHandles.publicLookup().unreflect(getter).asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }

    private record Property(String name, MethodHandle accessor, Constraint[] constraints) {

        Object value(Object bean) {
            try {
                return accessor.invokeExact(bean);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + name + " of " + bean.getClass().getSimpleName(), e);
            }
        }
    }

    private record Constraint(String code, String message, java.util.function.Predicate<Object> test) {

        boolean accepts(Object value) {
            return test.test(value);
        }
    }
}
