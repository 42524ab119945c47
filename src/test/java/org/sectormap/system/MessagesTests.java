package org.sectormap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/**
 * Every message key the templates and the code use is in messages.properties, and every key there
 * is used. Keys are found without running anything, so this reads:
 * <ul>
 * <li>in templates, {@code #{key}} and quoted {@code 'key'} literals (as {@code #messages.msg('key')} takes);
 * <li>in Java, string literals shaped like keys ({@code word.word...}) whose first word starts some
 * key, and any literal at all passed to {@code getMessage} or flashed as a {@code notice};
 * <li>the {@code messageKey()} of every constant of the coded values and of OrganisationField; other
 * enums' keys count as used where they are defined, since a page may look them up with msgOrNull.
 * </ul>
 * Keys put together at run time can only be checked one way: a template's {@code #{'report.' +
 * ${kind.slug()} + '.title'}} or {@code #messages.msgOrNull('hint.' + f.property())}, or the code's
 * {@code "recommendation.error." + field}, make every key of that shape used, and each such shape
 * must fit at least one key.
 */
class MessagesTests {

    private static final Path MESSAGES = Path.of("src/main/resources/messages.properties");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");
    private static final String BASE_PACKAGE = "org.sectormap";

    private static final String KEY = "[a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9-]+)+";
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{(" + KEY + ")\\s*[(}]|'(" + KEY + ")'");
    private static final Pattern KEY_EXPRESSION = Pattern.compile("#\\{|#messages\\.msg\\w*\\(");
    private static final Pattern JAVA_STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern JAVA_KEY = Pattern.compile(KEY);
    private static final Pattern JAVA_PREFIX = Pattern.compile(KEY + "\\.|[a-z][A-Za-z0-9]*\\.");
    private static final Pattern JAVA_CERTAIN_KEY = Pattern.compile(
            "(?:getMessage\\(|addFlashAttribute\\(\"notice\",\\s*)\"([^\"]+)\"\\s*[,)]");

    /** A key used somewhere, and where, for the failure message. */
    private record Use(String key, String where) {
    }

    private static Set<String> definedKeys() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(MESSAGES, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Set<String> namespaces(Set<String> defined) {
        return defined.stream().map(k -> k.substring(0, k.indexOf('.'))).collect(Collectors.toSet());
    }

    /** Every match of the pattern in the files, as its first group that matched and the file it is in. */
    private static List<Use> found(Path root, String suffix, Pattern pattern) throws IOException {
        List<Use> uses = new ArrayList<>();
        for (Path file : files(root, suffix)) {
            Matcher match = pattern.matcher(Files.readString(file));
            while (match.find()) {
                String key = IntStream.rangeClosed(1, match.groupCount()).mapToObj(match::group)
                        .filter(Objects::nonNull).findFirst().orElseThrow();
                uses.add(new Use(key, root.relativize(file).toString()));
            }
        }
        return uses;
    }

    /**
     * Keys a template puts together, in {@code #{'error.' + ${kind} + '.title'}} or
     * {@code #messages.msgOrNull('hint.' + f.property())}, as patterns with each variable part one run of key characters.
     */
    private static List<Pattern> templateShapes() throws IOException {
        List<Pattern> shapes = new ArrayList<>();
        for (Path template : files(TEMPLATES, ".html")) {
            String text = Files.readString(template);
            Matcher start = KEY_EXPRESSION.matcher(text);
            while (start.find()) {
                List<String> parts = keyParts(text, start.end(), start.group().equals("#{"));
                if (parts.size() > 1 && parts.stream().anyMatch(p -> p.startsWith("'"))) {
                    shapes.add(Pattern.compile(parts.stream()
                            .map(p -> p.startsWith("'") ? Pattern.quote(p.substring(1, p.length() - 1)) : "[A-Za-z0-9.-]+")
                            .collect(Collectors.joining())));
                }
            }
        }
        return shapes;
    }

    /**
     * The parts joined by {@code +} of the key expression starting at {@code from}. It ends at a comma,
     * closing bracket or brace of its own level, or, after {@code #{}, at the bracket of the message's arguments.
     */
    private static List<String> keyParts(String text, int from, boolean argumentsFollow) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' ) {
                quoted = !quoted;
            } else if (!quoted && depth == 0 && (c == ',' || c == ')' || c == '}' || (c == '(' && argumentsFollow))) {
                break;
            } else if (!quoted && depth == 0 && c == '+') {
                parts.add(part.toString().strip());
                part.setLength(0);
                continue;
            } else if (!quoted) {
                depth += c == '(' || c == '{' ? 1 : c == ')' || c == '}' ? -1 : 0;
            }
            part.append(c);
        }
        parts.add(part.toString().strip());
        return parts;
    }

    /**
     * The messageKey() of every constant of the app's enums that have one: {@code required} for coded
     * values and fields, whose labels are always shown, the others for those whose pages may do without.
     */
    private static List<Use> enumKeys(boolean required) throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        List<Use> uses = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), MessagesTests.class.getClassLoader());
            Method messageKey = ClassUtils.getMethodIfAvailable(type, "messageKey");
            if (type.isEnum() && messageKey != null && labelled(type) == required) {
                for (Object constant : type.getEnumConstants()) {
                    uses.add(new Use((String) messageKey.invoke(constant), type.getSimpleName() + "." + constant));
                }
            }
        }
        return uses;
    }

    /** By simple name, so that moving Coded to another package does not quietly check nothing. */
    private static boolean labelled(Class<?> type) {
        return type.getSimpleName().equals("OrganisationField")
                || Arrays.stream(type.getInterfaces()).anyMatch(i -> i.getSimpleName().equals("Coded"));
    }

    private enum Role { KEY, PREFIX, NONE }

    /** What a Java literal is to the messages: a key, the fixed start of keys put together at run time, or nothing. */
    private static Role role(String text, Set<String> defined) {
        int dot = text.indexOf('.');
        if (dot <= 0 || !namespaces(defined).contains(text.substring(0, dot))) {
            return Role.NONE;
        }
        if (JAVA_PREFIX.matcher(text).matches()) {
            return Role.PREFIX;
        }
        if (!JAVA_KEY.matcher(text).matches()) {
            return Role.NONE;
        }
        // A literal that only starts keys, such as "demo.loaded", which code completes at run time.
        boolean startsKeys = defined.stream().anyMatch(k -> k.startsWith(text + "."));
        return defined.contains(text) || !startsKeys ? Role.KEY : Role.PREFIX;
    }

    /** Keys the templates, the code's literals and the enums name, with where each is used. */
    private static Map<String, Set<String>> usedKeys(Set<String> defined) throws Exception {
        Map<String, Set<String>> used = new TreeMap<>();
        List<Use> javaKeys = found(JAVA, ".java", JAVA_STRING).stream()
                .filter(literal -> role(literal.key(), defined) == Role.KEY).toList();
        Stream.of(found(TEMPLATES, ".html", TEMPLATE_KEY), found(JAVA, ".java", JAVA_CERTAIN_KEY), enumKeys(true),
                        javaKeys)
                .flatMap(List::stream)
                .forEach(u -> used.computeIfAbsent(u.key(), k -> new TreeSet<>()).add(u.where()));
        return used;
    }

    /** Shapes of keys put together at run time: a template's concatenations, the code's prefixes. */
    private static List<Pattern> shapes(Set<String> defined) throws IOException {
        List<Pattern> shapes = new ArrayList<>(templateShapes());
        found(JAVA, ".java", JAVA_STRING).stream().map(Use::key).distinct()
                .filter(text -> role(text, defined) == Role.PREFIX)
                .map(text -> text.endsWith(".") ? text : text + ".")
                .forEach(prefix -> shapes.add(Pattern.compile(Pattern.quote(prefix) + ".+")));
        return shapes;
    }

    private static String listed(Map<String, Set<String>> keys) {
        return keys.entrySet().stream().map(e -> "  " + e.getKey() + "   (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining("\n", "\n", "\n"));
    }

    @Test
    void shouldDefineEveryKeyTheTemplatesAndCodeUse() throws Exception {
        Set<String> defined = definedKeys();
        Map<String, Set<String>> missing = new TreeMap<>(usedKeys(defined));
        missing.keySet().removeAll(defined);

        assertThat(missing).as("keys used but missing from messages.properties, with where they are used:%s",
                listed(missing)).isEmpty();
    }

    @Test
    void shouldUseEveryKeyItDefines() throws Exception {
        Set<String> defined = definedKeys();
        Set<String> used = new TreeSet<>(usedKeys(defined).keySet());
        enumKeys(false).forEach(optional -> used.add(optional.key()));
        List<Pattern> shapes = shapes(defined);
        List<String> unused = defined.stream()
                .filter(k -> !used.contains(k) && shapes.stream().noneMatch(s -> s.matcher(k).matches())).toList();

        assertThat(unused).as("keys in messages.properties that no template or code uses:%n  %s",
                String.join("\n  ", unused)).isEmpty();
    }

    @Test
    void shouldFitEveryKeyPutTogetherAtRunTimeToSomeKey() throws Exception {
        Set<String> defined = definedKeys();
        List<String> fitNothing = shapes(defined).stream()
                .filter(s -> defined.stream().noneMatch(k -> s.matcher(k).matches()))
                .map(Pattern::pattern).distinct().toList();

        assertThat(fitNothing).as("keys put together at run time that can match no key in messages.properties:%n  %s",
                String.join("\n  ", fitNothing)).isEmpty();
    }

    @Test
    void shouldDefineEachKeyOnce() throws IOException {
        Map<String, Long> counts = Files.readAllLines(MESSAGES, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
                .map(line -> line.substring(0, line.indexOf('=')).strip())
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        counts.values().removeIf(n -> n == 1);

        assertThat(counts).as("keys defined more than once in messages.properties (the last one wins)").isEmpty();
    }
}
