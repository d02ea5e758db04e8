import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3-compatible store for bench/backup.sh: S3Proxy over jclouds' filesystem blob store (data on disk, like a
 * real object store, not in this JVM's heap), on a free local port, with one bucket already created.
 *
 * <pre>java -cp CRM_CORE_TEST_CLASSPATH bench/S3ProxyLauncher.java BASE_DIR BUCKET ACCESS_KEY SECRET_KEY</pre>
 *
 * Prints {@code S3PROXY_PORT <port>} once it accepts connections, then serves until killed.
 */
public class S3ProxyLauncher {

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        String bucket = args[1];
        Files.createDirectories(base);
        Properties props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", base.toAbsolutePath().toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                .credentials("identity", "credential")
                .overrides(props)
                .build(BlobStoreContext.class);
        BlobStore store = context.getBlobStore();
        store.createContainerInLocation(null, bucket);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0")) // any free port, read back below
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, args[2], args[3])
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        // start() may return before Jetty accepts connections; S3Proxy shades Jetty, so compare the state name
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                proxy.stop();
            } catch (Exception e) {
                // the process is ending anyway
            }
            context.close();
        }));
        System.out.println("S3PROXY_PORT " + proxy.getPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
