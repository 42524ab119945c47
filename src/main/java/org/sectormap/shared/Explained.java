package org.sectormap.shared;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * An exception whose message people read, as a key in messages.properties with its arguments, so
 * the pages and the API say it in the same words; its plain message is the key, never personal data.
 */
public abstract class Explained extends RuntimeException implements MessageSourceResolvable {

    private final String key;
    private final transient List<Object> args;

    protected Explained(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = List.of(args);
    }

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return args.toArray();
    }
}
