-- Images a shop uploads for its storefront (logo, banner), served on the shop's host
-- (docs/storefront/images.md). The server accepts only PNG, JPEG, GIF and WebP, recognised by their
-- first bytes rather than the type the browser claims, and at most 2 MiB each: an SVG or HTML file
-- can carry script, a raster image cannot. An image never changes under its id, so it may be cached
-- for good; a new logo is a new image.
CREATE TABLE kameng.shop_image (
  tenant_id    uuid        NOT NULL REFERENCES kameng.tenant (id),
  id           uuid        NOT NULL,
  content_type text        NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif',
                                                            'image/webp')),
  bytes        bytea       NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 2097152),
  -- Hex SHA-256 of the bytes: the same file uploaded twice is stored once.
  sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   text        NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, sha256)
);
ALTER TABLE kameng.shop_image ENABLE ROW LEVEL SECURITY;
ALTER TABLE kameng.shop_image FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kameng.shop_image
  USING (tenant_id = kameng.current_tenant())
  WITH CHECK (tenant_id = kameng.current_tenant());

-- An order's jobs (delivery, notifications, upstream purchase, callbacks) for its timeline in the
-- admin app: found by the orderId their payload names, without reading the whole job table.
CREATE INDEX job_order ON kameng.job (tenant_id, (payload ->> 'orderId'))
  WHERE payload ->> 'orderId' IS NOT NULL;
