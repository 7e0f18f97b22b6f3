import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.constant.ClassDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the cli module (run on the shaded jar before AOT training; a single-file program, not part of the
 * jar): rewrites every class file older than Java 6 (major version below 50, i.e. picocli, which targets Java 5)
 * as a Java 8 class file with stack maps. The JDK's AOT cache skips pre-Java-6 classes once they are linked
 * ("Old class has been linked"), so without this picocli's ~170 classes are loaded, parsed and verified by the old
 * type-inferencing verifier on every start. Only the class file version and the stack maps change; the bytecode is
 * the same.
 *
 * <p>Usage: {@code java UpgradeOldClassFiles.java JAR}; prints how many classes it rewrote.
 */
public final class UpgradeOldClassFiles {
    private static final int TARGET_MAJOR = ClassFile.JAVA_8_VERSION;

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path tmp = jar.resolveSibling(jar.getFileName() + ".upgrading");
        int upgraded = 0;
        try (ZipFile zip = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            ClassHierarchyResolver inJar = ClassHierarchyResolver.ofResourceParsing(desc -> open(zip, desc));
            ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver().orElse(inJar)));
            for (ZipEntry entry : Collections.list(zip.entries())) {
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && bytes.length > 8 && major(bytes) < ClassFile.JAVA_6_VERSION) {
                    bytes = upgrade(classFile, classFile.parse(bytes));
                    upgraded++;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("upgraded " + upgraded + " pre-Java-6 class files to Java 8 in " + jar.getFileName());
    }

    /** The same class as a Java 8 class file: new version, every method body rebuilt so stack maps are generated. */
    private static byte[] upgrade(ClassFile classFile, ClassModel model) {
        ClassTransform version = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(TARGET_MAJOR, 0);
            } else {
                builder.with(element);
            }
        };
        CodeTransform rebuild = (builder, element) -> builder.with(element);
        return classFile.transformClass(model, version.andThen(ClassTransform.transformingMethodBodies(rebuild)));
    }

    private static int major(byte[] classBytes) {
        return ((classBytes[6] & 0xff) << 8) | (classBytes[7] & 0xff);
    }

    private static InputStream open(ZipFile zip, ClassDesc desc) {
        String name = desc.descriptorString();
        ZipEntry entry = zip.getEntry(name.substring(1, name.length() - 1) + ".class");
        try {
            return entry == null ? null : zip.getInputStream(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
