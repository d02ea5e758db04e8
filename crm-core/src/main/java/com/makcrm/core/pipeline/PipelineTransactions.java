package com.makcrm.core.pipeline;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.tenant.TenantScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Objects;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One transaction per service call, in the caller's tenant schema. The tenant is bound before the transaction
 * opens its session (Hibernate resolves the tenant then) and unbound after it ends.
 *
 * <p>Every call gets a session and transaction of its own (REQUIRES_NEW): a caller's transaction or an
 * EntityManager opened for a whole web request belongs to no tenant or to another one, so it is set aside, never
 * joined.
 */
final class PipelineTransactions {

    private final TenantBinding binding;
    private final EntityManagerFactory emf;
    private final EntityManager entityManager;
    private final TransactionTemplate writes;
    private final TransactionTemplate reads;

    PipelineTransactions(TenantBinding binding, EntityManagerFactory emf, PlatformTransactionManager tm) {
        this.binding = binding;
        this.emf = emf;
        this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(emf);
        this.writes = template(tm, false);
        this.reads = template(tm, true);
    }

    /** The thread's transactional EntityManager, for repositories. */
    EntityManager entityManager() {
        return entityManager;
    }

    <T> T write(TenantScope scope, Supplier<T> work) {
        return run(writes, scope, work);
    }

    <T> T read(TenantScope scope, Supplier<T> work) {
        return run(reads, scope, work);
    }

    private <T> T run(TransactionTemplate template, TenantScope scope, Supplier<T> work) {
        String schema = TenantBinding.requireTenantSchema(
                Objects.requireNonNull(scope, "scope").schema());
        try {
            return besideOpenSession(() -> binding.call(
                    schema,
                    () -> template.execute(status -> {
                        requireSessionTenant(schema);
                        return work.get();
                    })));
        } catch (RuntimeException e) {
            throw PersistenceErrors.translate(e);
        }
    }

    // REQUIRES_NEW suspends a caller's transaction, but would adopt an open-session-in-view EntityManager
    private <T> T besideOpenSession(Supplier<T> call) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return call.get();
        }
        Object open = TransactionSynchronizationManager.unbindResourceIfPossible(emf);
        try {
            return call.get();
        } finally {
            if (open != null) {
                TransactionSynchronizationManager.bindResource(emf, open);
            }
        }
    }

    // defence in depth: the session must have been opened for this tenant, whatever happened around us
    private void requireSessionTenant(String schema) {
        Object tenant = entityManager.unwrap(Session.class).getTenantIdentifierValue();
        if (!schema.equals(tenant)) {
            throw CrmException.internal(
                    "pipeline transaction for tenant schema " + schema + " got a session for '" + tenant + "'", null);
        }
    }

    private static TransactionTemplate template(PlatformTransactionManager tm, boolean readOnly) {
        TransactionTemplate t = new TransactionTemplate(tm);
        t.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        t.setReadOnly(readOnly);
        return t;
    }
}
