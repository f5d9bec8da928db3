package org.kameng.kernel.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Reads the platform's tenant registry. */
@ApplicationScoped
public class JpaTenantRepository {

  @PersistenceContext(unitName = "kameng")
  private EntityManager em;

  /** All shops, oldest first. */
  public List<Tenant> listAll() {
    return em.createQuery("SELECT t FROM Tenant t ORDER BY t.createdAt, t.slug", Tenant.class)
        .getResultList();
  }

  /** The shop with this id, if there is one. */
  public Optional<Tenant> findById(org.kameng.plugin.api.TenantId id) {
    return Optional.ofNullable(em.find(Tenant.class, id.value()));
  }

  /** The shop with this slug, if there is one. */
  public Optional<Tenant> findBySlug(String slug) {
    return em.createQuery("SELECT t FROM Tenant t WHERE t.slug = :slug", Tenant.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  /**
   * Shops whose slug or name contains {@code text} (any case), optionally only in {@code status},
   * newest first, at most {@code limit}.
   */
  public List<Tenant> search(String text, TenantStatus status, int limit) {
    String like = "%" + (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) + "%";
    return em.createQuery(
            "SELECT t FROM Tenant t WHERE (LOWER(t.slug) LIKE :like OR LOWER(t.name) LIKE :like)"
                + " AND (:status IS NULL OR t.status = :status) ORDER BY t.createdAt DESC",
            Tenant.class)
        .setParameter("like", like)
        .setParameter("status", status)
        .setMaxResults(Math.max(1, Math.min(limit, 500)))
        .getResultList();
  }
}
