package com.makcrm.core.i18n;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where messages are declared: the classes holding {@code public static final Message} constants. A new holder
 * class is added here, so that {@code crm i18n extract} and the catalog test see its messages.
 */
public final class MessageRegistry {

    /** The holder classes, in catalog order. */
    public static final List<Class<?>> HOLDERS = List.of(
            CoreMessages.class,
            ProblemMessages.class,
            ValidationMessages.class,
            CliMessages.class,
            QueryMessages.class,
            RecordMessages.class,
            AccessMessages.class,
            BackupMessages.class,
            StorageMessages.class,
            PipelineMessages.class,
            AttachmentMessages.class,
            CsvMessages.class);

    private MessageRegistry() {}

    /** One declared message and the source file declaring it, as a {@code #:} origin. */
    public record Declared(Message message, String origin) {}

    /** Every declared message in declaration order; a duplicate id is a programming error. */
    public static List<Declared> declared() {
        Map<String, Declared> byId = new LinkedHashMap<>();
        for (Class<?> holder : HOLDERS) {
            for (Message message : constants(holder)) {
                Declared previous = byId.put(message.id(), new Declared(message, origin(holder)));
                if (previous != null) {
                    throw new IllegalStateException("message id " + message.id() + " is declared twice");
                }
            }
        }
        return List.copyOf(byId.values());
    }

    public static List<Message> messages() {
        return declared().stream().map(Declared::message).toList();
    }

    /** The {@code public static final Message} fields of {@code holder}, in declaration order. */
    static List<Message> constants(Class<?> holder) {
        List<Message> messages = new ArrayList<>();
        for (Field field : holder.getDeclaredFields()) {
            int mod = field.getModifiers();
            if (field.getType() == Message.class
                    && Modifier.isStatic(mod)
                    && Modifier.isFinal(mod)
                    && Modifier.isPublic(mod)) {
                try {
                    messages.add((Message) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + holder.getName() + "." + field.getName(), e);
                }
            }
        }
        return messages;
    }

    /** The source path of a top-level class, relative to the source root, e.g. {@code com/makcrm/.../X.java}. */
    static String origin(Class<?> holder) {
        Class<?> top = holder;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return top.getName().replace('.', '/') + ".java";
    }
}
