package com.makcrm.core.testsupport;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3 inside this JVM where neither the environment nor Docker provides one: S3Proxy over jclouds'
 * in-memory ("transient") blob store, on a free port, with fixed keys. Started once per JVM by
 * {@link TestServices}; its data lives only as long as the JVM.
 */
final class LocalS3Proxy {

    static final String ACCESS_KEY = "crm-test-access";
    static final String SECRET_KEY = "crm-test-secret";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    // Jetty's state name; S3Proxy shades its Jetty, so the unshaded constant would be another class
    private static final String STARTED = "STARTED";

    private LocalS3Proxy() {}

    static S3Service start() throws Exception {
        BlobStoreContext store = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0")) // port 0: any free port, read back below
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        awaitStarted(proxy);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(proxy, store), "stop S3Proxy"));
        return new S3Service(
                URI.create("http://127.0.0.1:" + proxy.getPort()), TestServices.DEFAULT_REGION, ACCESS_KEY, SECRET_KEY);
    }

    // start() may return before Jetty accepts connections
    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!STARTED.equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "S3Proxy did not start within " + START_TIMEOUT + ": " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    private static void stop(S3Proxy proxy, BlobStoreContext store) {
        try {
            proxy.stop();
        } catch (Exception e) {
            // the JVM is ending anyway; nothing else holds this port
        } finally {
            store.close();
        }
    }
}
