package org.kameng.kernel.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.kameng.plugin.api.TenantId;

/** One reseller's shop. */
@Entity
@Table(name = "tenant", schema = "kameng")
public class Tenant {

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String slug;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TenantStatus status;

  @Column(name = "default_currency", nullable = false, length = 3)
  private String defaultCurrency;

  // Written by the database default; OffsetDateTime because EclipseLink maps Instant to bytea.
  @Column(name = "created_at", insertable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected Tenant() {}

  public TenantId id() {
    return new TenantId(id);
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }

  public TenantStatus status() {
    return status;
  }

  public String defaultCurrency() {
    return defaultCurrency;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
