package org.accord.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A line's basis: its numbers by name, in the order the rule named them, as a read-only map. Names
 * and values sit side by side in one array, where a {@link java.util.LinkedHashMap} would keep a
 * table and an entry object per number: a settlement holds a basis per line, and an evaluation
 * writes a hundred lines or more (issue 15: allocation per evaluation). A rule names a handful of
 * numbers, so a lookup scans them; the names are the rules' literals, compared by reference first.
 */
final class Basis extends AbstractMap<String, Object> {

    /** Name, value, name, value, ... for the first {@link #size} numbers: room for six, which most lines need at most. */
    private Object[] pairs = new Object[12];
    private int size;

    /** Names a number; a name named again keeps its place and takes the new value, as a map's put does. */
    void add(String name, Object value) {
        int at = indexOf(name);
        if (at >= 0) {
            pairs[at + 1] = value;
            return;
        }
        if (2 * size == pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        pairs[2 * size] = name;
        pairs[2 * size + 1] = value;
        size++;
    }

    private int indexOf(Object name) {
        for (int i = 0; i < 2 * size; i += 2) {
            if (pairs[i] == name) {
                return i;
            }
        }
        if (name != null) {
            for (int i = 0; i < 2 * size; i += 2) {
                if (name.equals(pairs[i])) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public Object get(Object name) {
        int at = indexOf(name);
        return at < 0 ? null : pairs[at + 1];
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < 2 * size; i += 2) {
            action.accept((String) pairs[i], pairs[i + 1]);
        }
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int at = 2 * next++;
                        return new SimpleImmutableEntry<>((String) pairs[at], pairs[at + 1]);
                    }
                };
            }
        };
    }
}
