package org.kameng.plugins.coupons;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kameng.plugin.api.config.ConfigProblem;

/** A shop's coupons by code, read from the {@code coupons} setting. Immutable. */
final class CouponBook {

  /** The setting that lists the coupons, one per line. */
  static final String FIELD = "coupons";

  /** More would make a settings form nobody can read; a shop with more wants another plugin. */
  static final int MAX_COUPONS = 500;

  private final Map<String, Coupon> byCode;

  private CouponBook(Map<String, Coupon> byCode) {
    this.byCode = Map.copyOf(byCode);
  }

  /** What is wrong with the setting, each problem naming its line. */
  static List<ConfigProblem> problems(String text) {
    List<ConfigProblem> problems = new ArrayList<>();
    read(text, problems);
    return problems;
  }

  /**
   * Reads the setting.
   *
   * @throws IllegalArgumentException naming the field if a line is unreadable
   */
  static CouponBook of(String text) {
    List<ConfigProblem> problems = new ArrayList<>();
    CouponBook book = read(text, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(FIELD + ": " + problems.get(0).message());
    }
    return book;
  }

  /** The coupon of a code as a buyer typed it, if the shop has one. */
  Optional<Coupon> find(String code) {
    return Optional.ofNullable(byCode.get(Coupon.normalise(code)));
  }

  private static CouponBook read(String text, List<ConfigProblem> problems) {
    Map<String, Coupon> byCode = new HashMap<>();
    String[] lines = text == null ? new String[0] : text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        Coupon coupon = Coupon.parse(line);
        if (byCode.putIfAbsent(coupon.code(), coupon) != null) {
          problems.add(new ConfigProblem(FIELD, "line " + (i + 1) + ": the code is listed twice"));
        }
      } catch (Coupon.Unreadable e) {
        problems.add(new ConfigProblem(FIELD, "line " + (i + 1) + ": " + e.getMessage()));
      }
    }
    if (byCode.size() > MAX_COUPONS) {
      problems.add(new ConfigProblem(FIELD, "at most " + MAX_COUPONS + " coupons"));
    }
    return new CouponBook(byCode);
  }
}
