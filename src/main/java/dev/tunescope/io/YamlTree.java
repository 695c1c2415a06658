package dev.tunescope.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the YAML files runs keep beside their logs ({@code hparams.yaml}, MLflow's {@code meta.yaml}) into a plain
 * JSON tree, with aliases resolved to the values their anchors name.
 *
 * <p>Safety: SnakeYAML's safe constructor builds only maps, lists, strings, numbers, booleans, dates and byte
 * arrays, and a type tag it does not know ({@code !!python/object:argparse.Namespace}, {@code !!python/tuple},
 * {@code !!java.net.URL}) is read as the mapping, list or string it is written as, so a file never chooses a class
 * to instantiate. Aliases are shared while parsing and copied only here, each top-level key within
 * {@value #MAX_VALUES} values: a key whose aliases expand past that (an "alias bomb"), or that holds itself
 * through an alias, is left out with a problem saying so, and the other keys are kept.
 *
 * <p>SnakeYAML is the parser under Jackson's YAML module; it is used directly because Jackson's YAML parser
 * reports an alias as the bare anchor name and never resolves it.
 */
final class YamlTree {
    static final int MAX_VALUES = 100_000;
    /** SnakeYAML's default of 50 refuses a whole file for its 51st alias; expansion is bounded below instead. */
    private static final int MAX_ALIASES = 10_000;

    private YamlTree() {
    }

    /**
     * @param root     the document as a tree; empty for an empty document
     * @param problems keys left out, each as a sentence
     */
    record Result(Optional<JsonNode> root, List<String> problems) {
        Result {
            problems = List.copyOf(problems);
        }
    }

    /** YAML that cannot be read at all; the message says what is wrong and where. */
    static final class NotYamlException extends Exception {
        NotYamlException(String message) {
            super(message);
        }
    }

    static Result read(String text, int maxCodePoints) throws NotYamlException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setWarnOnDuplicateKeys(false); // the last value wins, as in PyYAML; SnakeYAML would log to stderr
        options.setCodePointLimit(Math.max(maxCodePoints, 1));
        options.setTagInspector(tag -> true); // every tag is read as plain data below, so none needs refusing
        Object document;
        try {
            document = new Yaml(new DataOnlyConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            throw new NotYamlException(describe(e));
        } catch (ClassCastException wrongKind) { // SnakeYAML's text for it names its own node classes
            throw new NotYamlException("a type tag (!!map, !!seq or !!str) is written on a value of another kind");
        } catch (NumberFormatException notANumber) { // "For input string: ..." says neither where nor what
            throw new NotYamlException("a number tag (!!int or !!float) is written on a value that is not a number");
        } catch (YAMLException | IllegalArgumentException e) {
            throw new NotYamlException(e.getMessage() == null ? "it could not be parsed" : firstLine(e.getMessage()));
        }
        if (document == null) {
            return new Result(Optional.empty(), List.of());
        }
        if (document instanceof Map<?, ?> map) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            Map<String, List<String>> leftOut = new LinkedHashMap<>(); // keys by why they were left out
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = keyText(entry.getKey());
                try {
                    root.set(key, new Copy().node(entry.getValue()));
                } catch (LeftOut why) {
                    leftOut.computeIfAbsent(why.getMessage(), k -> new ArrayList<>()).add(key);
                }
            }
            List<String> problems = new ArrayList<>();
            leftOut.forEach((why, keys) -> problems.add(keys(keys) + " left out: " + why));
            return new Result(Optional.of(root), problems);
        }
        try {
            return new Result(Optional.of(new Copy().node(document)), List.of());
        } catch (LeftOut why) {
            throw new NotYamlException("the document was not read: " + why.getMessage());
        }
    }

    /** {@code key 'a' was} or {@code keys 'a', 'b' and 3 more were}: one warning however many keys share it. */
    private static String keys(List<String> keys) {
        int shown = Math.min(keys.size(), 5);
        StringBuilder text = new StringBuilder(keys.size() == 1 ? "key " : "keys ");
        for (int i = 0; i < shown; i++) {
            text.append(i == 0 ? "" : ", ").append('\'').append(keys.get(i)).append('\'');
        }
        if (keys.size() > shown) {
            text.append(" and ").append(keys.size() - shown).append(" more");
        }
        return text.append(keys.size() == 1 ? " was" : " were").toString();
    }

    /** Where SnakeYAML met the problem, 1-based, with its description of it. */
    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? firstLine(e.getMessage()) : e.getProblem().strip()
                .replaceAll("\\s*\n\\s*", " "); // some problems quote the line break they met
        Mark mark = e.getProblemMark();
        return mark == null ? problem
                : problem + " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** A key as text; a mapping or list used as a key (YAML allows it) as its JSON text. */
    private static String keyText(Object key) {
        if (key instanceof Map<?, ?> || key instanceof Collection<?>) {
            try {
                return new Copy().node(key).toString();
            } catch (LeftOut tooLarge) {
                return "(a key too large to show)";
            }
        }
        return String.valueOf(key);
    }

    private static final class LeftOut extends Exception {
        LeftOut(String message) {
            super(message, null, false, false);
        }
    }

    /** Copies one value into JSON nodes, counting values and watching for a value that holds itself. */
    private static final class Copy {
        private final Set<Object> open = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        private int values;

        JsonNode node(Object value) throws LeftOut {
            if (++values > MAX_VALUES) {
                throw new LeftOut("their aliases expand to more than " + MAX_VALUES + " values (an alias bomb?)");
            }
            JsonNodeFactory f = JsonNodeFactory.instance;
            return switch (value) {
                case null -> f.nullNode();
                case String s -> f.textNode(s);
                case Boolean b -> f.booleanNode(b);
                case Integer i -> f.numberNode(i);
                case Long l -> f.numberNode(l);
                case BigInteger big -> f.numberNode(big);
                case Double d -> f.numberNode(d);
                case Float fl -> f.numberNode(fl);
                case BigDecimal dec -> f.numberNode(dec);
                case byte[] bytes -> f.textNode(Base64.getEncoder().encodeToString(bytes));
                case Date date -> f.textNode(date.toInstant().toString());
                case Map<?, ?> map -> container(map, () -> {
                    ObjectNode object = f.objectNode();
                    for (Map.Entry<?, ?> entry : map.entrySet()) {
                        object.set(String.valueOf(entry.getKey()), node(entry.getValue()));
                    }
                    return object;
                });
                case Collection<?> items -> container(items, () -> {
                    ArrayNode array = f.arrayNode();
                    for (Object item : items) {
                        array.add(node(item));
                    }
                    return array;
                });
                default -> f.textNode(String.valueOf(value));
            };
        }

        private interface Fill {
            JsonNode fill() throws LeftOut;
        }

        private JsonNode container(Object container, Fill fill) throws LeftOut {
            if (!open.add(container)) {
                throw new LeftOut("an alias refers to a value that holds the alias itself (a recursive structure)");
            }
            try {
                return fill.fill();
            } finally {
                open.remove(container);
            }
        }
    }

    /**
     * SnakeYAML's safe constructor, with a tag it has no constructor for read as the plain mapping, list or string
     * the node is, instead of failing the whole file.
     */
    private static final class DataOnlyConstructor extends SafeConstructor {
        DataOnlyConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(null, new Construct() {
                @Override
                public Object construct(Node node) {
                    return plain(node).construct(node);
                }

                @Override
                public void construct2ndStep(Node node, Object object) {
                    plain(node).construct2ndStep(node, object);
                }
            });
        }

        private Construct plain(Node node) {
            return switch (node.getNodeId()) {
                case mapping -> yamlConstructors.get(Tag.MAP);
                case sequence -> yamlConstructors.get(Tag.SEQ);
                default -> yamlConstructors.get(Tag.STR);
            };
        }
    }
}
