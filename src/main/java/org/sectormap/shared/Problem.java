package org.sectormap.shared;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One thing wrong with one field of a submission: the field's name (as the form, the API body
 * and the error summary's link know it) and a message key with its arguments. Arguments may be
 * resolvable themselves, such as the field's own label, so one message serves every form.
 */
public record Problem(String field, String messageKey, List<Object> args) implements MessageSourceResolvable {

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(String field, String messageKey, Object... args) {
        return new Problem(field, messageKey, List.of(args));
    }

    /**
     * The label a field has on its form: {@code field.<form>.<name>} where one form's field means
     * something else than the same name elsewhere, else {@code field.<name>}; numbered fields
     * ({@code answer-12}) share one label. The field's own name if neither exists.
     */
    public static MessageSourceResolvable label(String form, String field) {
        String name = field.replaceAll("-\\d+$", "");
        String[] codes = form == null ? new String[] {"field." + name}
                : new String[] {"field." + form + "." + name, "field." + name};
        return new DefaultMessageSourceResolvable(codes, field);
    }

    @Override
    public String[] getCodes() {
        return new String[] {messageKey};
    }

    @Override
    public Object[] getArguments() {
        return args.toArray();
    }
}
