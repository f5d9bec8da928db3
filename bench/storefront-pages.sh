#!/usr/bin/env bash
# P4: the product page of a shop with 1,000 products, measured with wrk on loopback.
#
#   ./kameng run                        # in another terminal; then
#   bash bench/storefront-pages.sh      # KAMENG_PORT (8080), PRODUCTS (1000), DURATION (20 s), CONNECTIONS (32)
#
# Opens a shop through the public sign-up, creates the products (each with one SKU, visible)
# through the owner's admin API, then runs wrk against one product page and, for comparison, the
# JSON catalog of the same shop. Needs curl, jq and wrk (Debian: apt-get install wrk jq).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${KAMENG_PORT:-8080}
PRODUCTS=${PRODUCTS:-1000}
SECONDS_PER_RUN=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
BASE="http://127.0.0.1:$PORT"
SLUG="bench-$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PASSWORD="bench-pages-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"

curl -sf "$BASE/api/public/signup" -H 'Content-Type: application/json' \
  -d "{\"shopName\":\"Bench $SLUG\",\"slug\":\"$SLUG\",\"email\":\"$SLUG@example.cn\",\"password\":\"$PASSWORD\"}" >/dev/null
TOKEN=$(./kameng token "$SLUG@example.cn" "$PASSWORD")
auth=(-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json')
CATALOG="$BASE/api/shops/$SLUG/catalog"

echo "creating $PRODUCTS products in $SLUG ..."
created=0
for i in $(seq 1 "$PRODUCTS"); do
  id=$(curl -sf "${auth[@]}" "$CATALOG/products" \
    -d "{\"name\":\"Game card $i 游戏点卡\",\"description\":\"Delivered at once. Product $i.\",\"fulfilment\":\"MANUAL\"}" | jq -r .id)
  curl -sf "${auth[@]}" "$CATALOG/products/$id/skus" -d "{\"name\":\"100 points\",\"price\":\"$((i % 90 + 10)).50\"}" >/dev/null
  curl -sf "${auth[@]}" -X PUT "$CATALOG/products/$id/visibility" -d '{"visible":true}' >/dev/null
  created=$((created + 1))
  [[ $i == $((PRODUCTS / 2)) ]] && PRODUCT=$id
done
echo "created $created products; measuring /p/$PRODUCT"

HOST="$SLUG.localhost:$PORT"
curl -sf -o /dev/null -H "Host: $HOST" "$BASE/p/$PRODUCT"
# Warm-up: the JIT and the pools, then the measured run.
wrk -t2 -c"$CONNECTIONS" -d5s -H "Host: $HOST" "$BASE/p/$PRODUCT" >/dev/null
echo "== product page (HTML), $CONNECTIONS connections, ${SECONDS_PER_RUN}s"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -H "Host: $HOST" "$BASE/p/$PRODUCT"
echo "== the shop's JSON catalog, for comparison"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -H "Host: $HOST" "$BASE/api/public/shop"
