package org.accord.io;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.module.SimpleModule;

/**
 * Objects read through a constructor with several arguments (records, the API's generated types
 * with required properties) are made by a method handle that takes the argument array, built once
 * per type. Jackson's own path, {@code MethodHandle.invokeWithArguments}, builds that spreading
 * handle again for every object read: about a fifth of reading an evaluation request's 33 KB
 * (docs/performance.md, "The request's CPU outside the engine, by stage"). The same constructor is called
 * with the same arguments, and what it throws is handled as Jackson handles it.
 */
final class ConstructorCreators extends SimpleModule {

    ConstructorCreators() {
        super("constructor-creators");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addValueInstantiators(new ValueInstantiators.Base() {
            @Override
            public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier description,
                    ValueInstantiator found) {
                return Spread.of(found);
            }
        });
    }

    /** Jackson's own instantiator, its several-argument constructor called through a handle made once. */
    static final class Spread extends StdValueInstantiator {

        private final MethodHandle construct;

        private Spread(StdValueInstantiator found, MethodHandle construct) {
            super(found);
            this.construct = construct;
        }

        /** {@code found} with its constructor called through a handle made once; {@code found} itself when it has none such. */
        static ValueInstantiator of(ValueInstantiator found) {
            if (found == null || found.getClass() != StdValueInstantiator.class || !found.canCreateFromObjectWith()
                    || !(found.getWithArgsCreator() instanceof AnnotatedConstructor creator)) {
                return found;
            }
            Constructor<?> constructor = creator.getAnnotated();
            if (!Modifier.isPublic(constructor.getModifiers())
                    || !Modifier.isPublic(constructor.getDeclaringClass().getModifiers())) {
                return found;
            }
            try {
                MethodHandle handle = MethodHandles.publicLookup().unreflectConstructor(constructor);
                MethodHandle spread = handle.asSpreader(Object[].class, constructor.getParameterCount())
                        .asType(MethodType.methodType(Object.class, Object[].class));
                return new Spread((StdValueInstantiator) found, spread);
            } catch (IllegalAccessException | IllegalArgumentException e) {
                return found;
            }
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, Object[] arguments) throws JacksonException {
            try {
                return (Object) construct.invokeExact(arguments);
            } catch (Exception e) {
                return context.handleInstantiationProblem(_valueClass, arguments, rewrapCtorProblem(context, e));
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
