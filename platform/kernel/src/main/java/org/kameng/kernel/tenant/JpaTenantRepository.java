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

  /** The shop with this slug, if there is one. */
  public Optional<Tenant> findBySlug(String slug) {
    return em.createQuery("SELECT t FROM Tenant t WHERE t.slug = :slug", Tenant.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }
}
