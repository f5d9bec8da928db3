package org.kameng.server.plugins;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kameng.host.plugins.LoadFailure;
import org.kameng.host.plugins.LoadedFactory;
import org.kameng.host.plugins.LoadedPlugin;
import org.kameng.host.plugins.PluginHost;
import org.kameng.kernel.pluginstate.PluginRegistry;
import org.kameng.kernel.pluginstate.UploadedArchives;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.payment.PaymentChannelFactory;
import org.kameng.server.schema.SchemaMigration;

/**
 * The plugins installed on this server, loaded from the plugins folder when the application starts
 * and again whenever a platform admin uploads one. A plugin that cannot load is refused alone and
 * listed with its reason; the server starts regardless. What loaded is recorded in the plugin
 * registry, where a plugin that disappears stays known.
 */
@ApplicationScoped
public class InstalledPlugins {

  private static final Logger LOG = Logger.getLogger(InstalledPlugins.class.getName());

  /** The largest archive an admin may upload. */
  public static final long MAX_ARCHIVE_BYTES = 20L * 1024 * 1024;

  @Inject
  @ConfigProperty(name = "kameng.plugins.dir")
  String pluginsDir;

  /** How often this instance looks for uploads and disables made on another instance. */
  @Inject
  @ConfigProperty(name = "kameng.plugins.sync-seconds", defaultValue = "10")
  long syncSeconds;

  @Inject Transactions transactions;

  @Resource(lookup = "concurrent/kameng-jobs")
  ManagedScheduledExecutorService executor;

  private volatile PluginHost host;
  // Checksums of the loaded plugins' archives by plugin id, computed once per load.
  private volatile Map<String, String> loadedChecksums = Map.of();
  private final UploadSync uploads = new UploadSync();
  private volatile SyncReport lastSync = new SyncReport(null, List.of());
  private volatile ScheduledFuture<?> syncing;
  private volatile long generation;
  private volatile Set<String> disabled = Set.of();

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    host();
  }

  void onSchemaReady(@Observes SchemaMigration.SchemaReady ready) {
    // Uploads made while this instance was down come first, so the registry records them.
    sync();
    record("system");
    syncing =
        executor.scheduleWithFixedDelay(
            this::syncQuietly, syncSeconds, syncSeconds, TimeUnit.SECONDS);
  }

  /**
   * What this instance found the last time it compared its plugins with the uploads in the
   * database.
   *
   * @param at when; null before the first comparison
   * @param problems uploads this instance could not install, with the reason
   */
  public record SyncReport(Instant at, List<String> problems) {}

  /** The last comparison with the uploads in the database. */
  public SyncReport lastSync() {
    return lastSync;
  }

  /**
   * Installs the uploads in the database that this instance does not run yet (made on another
   * instance, or while this one was down) and re-reads which plugins are disabled. Every instance
   * does this every {@code kameng.plugins.sync-seconds}; an upload that fails here is reported in
   * {@link #lastSync()} and not tried again until the next upload of that plugin.
   */
  public synchronized void sync() {
    UploadSync.Pass pass = uploads.pass(transactions, loadedChecksums, this::installUpload);
    if (pass.changed()) {
      reload();
      record("sync");
    } else {
      refreshDisabled();
    }
    lastSync = new SyncReport(Instant.now(), pass.problems());
  }

  private void syncQuietly() {
    try {
      sync();
    } catch (Throwable e) {
      // Escaping would cancel the schedule: log, and try again at the next tick.
      LOG.log(Level.WARNING, "plugin sync failed", e);
    }
  }

  /** Puts one upload from the database in the folder, if it loads alone. */
  private void installUpload(UploadedArchives.Stored upload, byte[] archive) throws IOException {
    Path folder = folder();
    Path scratch = Files.createTempDirectory(folder, ".sync-");
    try {
      Path zip = scratch.resolve("upload.zip");
      Files.write(zip, archive);
      if (!PluginArchives.checksum(zip).equals(upload.checksum())) {
        throw new InvalidPluginException("the stored archive does not match its checksum");
      }
      PluginArchives.Descriptor descriptor = describe(zip);
      if (!descriptor.pluginId().equals(upload.pluginId())) {
        throw new InvalidPluginException("the stored archive is plugin " + descriptor.pluginId());
      }
      tryAlone(scratch);
      replace(folder, zip, descriptor);
    } finally {
      deleteRecursively(scratch);
    }
  }

  /** The loaded plugin host, opened on first use. */
  synchronized PluginHost host() {
    if (host == null) {
      Path folder = folder();
      host = PluginHost.open(folder);
      Map<String, String> checksums = new HashMap<>();
      host.plugins().forEach(p -> checksums.put(p.pluginId(), PluginArchives.checksum(p.source())));
      loadedChecksums = Map.copyOf(checksums);
      generation++;
      LOG.info(
          () ->
              "Plugins from "
                  + folder
                  + ": "
                  + host.plugins().size()
                  + " loaded, "
                  + host.failures().size()
                  + " refused");
      host.failures().forEach(f -> LOG.warning(() -> "Plugin refused: " + f));
    }
    return host;
  }

  /**
   * Counts the host's reloads; a channel built under an older generation came from a closed class
   * loader and must be built again.
   */
  public long generation() {
    host();
    return generation;
  }

  /** The payment channel factories of the installed plugins, disabled ones included. */
  public List<LoadedFactory<PaymentChannelFactory>> paymentChannels() {
    return host().paymentChannels();
  }

  /** The factories of one extension point of the installed plugins, disabled ones included. */
  public <F extends org.kameng.plugin.api.extension.ExtensionFactory<?>>
      List<LoadedFactory<F>> factories(Class<F> point) {
    return host().factories(point);
  }

  /** The plugins that loaded. */
  public List<LoadedPlugin> loaded() {
    return host().plugins();
  }

  /** The plugins that could not be loaded, with the reason. */
  public List<LoadFailure> failures() {
    return host().failures();
  }

  /** Whether a platform admin disabled the plugin for every shop. */
  public boolean isDisabled(String pluginId) {
    return disabled.contains(pluginId);
  }

  /** Re-reads which plugins are disabled, after an admin changed it. */
  public void refreshDisabled() {
    disabled = transactions.platform(PluginRegistry::disabled);
  }

  /**
   * Installs or upgrades a plugin from an uploaded archive. The archive is first loaded alone in a
   * scratch folder, so one the host would refuse never replaces a working version; then it takes
   * the place of every archive of the same plugin id and the host reloads. Tenants' configurations
   * are keyed by plugin id and carry over to the new version.
   *
   * @return the id of the installed plugin
   * @throws InvalidPluginException if the archive is not a plugin the host can load
   */
  public synchronized String install(InputStream upload, String actor) throws IOException {
    Path folder = folder();
    Path scratch = Files.createTempDirectory(folder, ".upload-");
    try {
      Path zip = scratch.resolve("upload.zip");
      copyCapped(upload, zip);
      PluginArchives.Descriptor descriptor = describe(zip);
      tryAlone(scratch);
      // Kept in the database first: every other instance installs it from there, and this one
      // does not run an upload the others will never see.
      byte[] bytes = Files.readAllBytes(zip);
      String checksum = PluginArchives.checksum(zip);
      transactions.platform(
          c -> {
            UploadedArchives.save(
                c, descriptor.pluginId(), descriptor.version(), checksum, bytes, actor);
            return null;
          });
      uploads.forget(descriptor.pluginId());
      replace(folder, zip, descriptor);
      reload();
      record(actor);
      return descriptor.pluginId();
    } finally {
      deleteRecursively(scratch);
    }
  }

  private static PluginArchives.Descriptor describe(Path zip) {
    try {
      return PluginArchives.describe(zip);
    } catch (IllegalArgumentException e) {
      throw new InvalidPluginException(e.getMessage());
    }
  }

  /** Loads the archive in {@code scratch} alone: one the host would refuse replaces nothing. */
  private static void tryAlone(Path scratch) {
    try (PluginHost trial = PluginHost.open(scratch)) {
      if (!trial.failures().isEmpty()) {
        throw new InvalidPluginException(
            "the host refuses this plugin: " + trial.failures().get(0).reason());
      }
    }
  }

  /** Puts {@code zip} in place of every archive of the same plugin id in the folder. */
  private void replace(Path folder, Path zip, PluginArchives.Descriptor descriptor)
      throws IOException {
    for (Path old : sourcesOf(descriptor.pluginId())) {
      deleteRecursively(old);
      if (old.getFileName().toString().endsWith(".zip")) {
        String name = old.getFileName().toString();
        deleteRecursively(old.resolveSibling(name.substring(0, name.length() - 4)));
      }
    }
    Files.move(
        zip,
        folder.resolve(descriptor.pluginId() + "-" + descriptor.version() + ".zip"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** Closes the host and loads the plugins folder again. */
  synchronized void reload() {
    PluginHost old = host;
    host = null;
    if (old != null) {
      old.close();
    }
    host();
  }

  /** Records what loaded and what was refused in the platform's plugin registry. */
  void record(String actor) {
    PluginHost current = host();
    List<PluginRegistry.Loaded> loaded = new ArrayList<>();
    Map<String, String> checksums = loadedChecksums;
    for (LoadedPlugin plugin : current.plugins()) {
      String checksum = checksums.get(plugin.pluginId());
      loaded.add(
          new PluginRegistry.Loaded(
              plugin.pluginId(),
              plugin.version(),
              checksum != null ? checksum : PluginArchives.checksum(plugin.source())));
    }
    List<PluginRegistry.Refused> refused =
        current.failures().stream()
            .filter(f -> f.pluginId().isPresent())
            .map(f -> new PluginRegistry.Refused(f.pluginId().get(), f.reason()))
            .toList();
    transactions.platform(
        c -> {
          PluginRegistry.reconcile(c, loaded, refused, actor);
          return null;
        });
    refreshDisabled();
  }

  private List<Path> sourcesOf(String pluginId) {
    List<Path> sources = new ArrayList<>();
    host().plugins().stream()
        .filter(p -> p.pluginId().equals(pluginId))
        .forEach(p -> sources.add(p.source()));
    host().failures().stream()
        .filter(f -> f.pluginId().filter(pluginId::equals).isPresent())
        .forEach(f -> sources.add(f.source()));
    return sources;
  }

  private Path folder() {
    Path folder = Path.of(pluginsDir).toAbsolutePath();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the plugins folder " + folder, e);
    }
    return folder;
  }

  private static void copyCapped(InputStream upload, Path target) throws IOException {
    try (var out = Files.newOutputStream(target)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n = upload.read(buffer); n > 0; n = upload.read(buffer)) {
        total += n;
        if (total > MAX_ARCHIVE_BYTES) {
          throw new InvalidPluginException(
              "the archive is larger than " + MAX_ARCHIVE_BYTES / (1024 * 1024) + " MiB");
        }
        out.write(buffer, 0, n);
      }
      if (total == 0) {
        throw new InvalidPluginException("the upload is empty; send the plugin's zip as the body");
      }
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @PreDestroy
  void close() {
    ScheduledFuture<?> task = syncing;
    if (task != null) {
      task.cancel(false);
    }
    PluginHost open = host;
    if (open != null) {
      open.close();
    }
  }
}
