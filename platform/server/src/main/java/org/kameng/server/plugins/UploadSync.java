package org.kameng.server.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.kameng.kernel.pluginstate.UploadedArchives;
import org.kameng.kernel.tenancy.Transactions;

/**
 * The database side of {@link InstalledPlugins#sync()}: finds the uploads in the database that this
 * instance does not run yet, reads their archives and hands each to an {@link Installer}, and
 * remembers the ones this instance refused so that it does not try them again on every pass, only
 * after the next upload of that plugin. Callers serialise passes (InstalledPlugins holds its lock).
 */
final class UploadSync {

  private static final Logger LOG = Logger.getLogger(UploadSync.class.getName());

  /** Puts one upload's archive in the plugins folder. */
  interface Installer {
    /**
     * @throws InvalidPluginException if this instance cannot run the archive
     */
    void install(UploadedArchives.Stored upload, byte[] archive) throws IOException;
  }

  /**
   * What one pass did.
   *
   * @param changed whether an upload was installed, so the host must reload
   * @param problems the uploads this instance refused, with the reason
   */
  record Pass(boolean changed, List<String> problems) {}

  private record Refusal(String checksum, Instant uploadedAt, String problem) {}

  // Uploads this instance tried and refused, by plugin id: not tried again until the next upload.
  private final Map<String, Refusal> refused = new ConcurrentHashMap<>();

  /**
   * Installs every upload whose checksum differs from the one loaded under its plugin id.
   *
   * @param loadedChecksums the checksums of the loaded plugins' archives by plugin id
   */
  Pass pass(Transactions transactions, Map<String, String> loadedChecksums, Installer installer) {
    boolean changed = false;
    for (UploadedArchives.Stored upload : transactions.platform(UploadedArchives::list)) {
      String id = upload.pluginId();
      if (upload.checksum().equals(loadedChecksums.get(id)) || isRefused(upload)) {
        continue;
      }
      try {
        Optional<byte[]> archive =
            transactions.platform(c -> UploadedArchives.archive(c, id, upload.checksum()));
        if (archive.isEmpty()) {
          continue; // replaced meanwhile: the next pass sees the newer one
        }
        installer.install(upload, archive.get());
        changed = true;
        refused.remove(id);
      } catch (InvalidPluginException | IOException | UncheckedIOException e) {
        String problem = id + " " + upload.version() + ": " + e.getMessage();
        refused.put(id, new Refusal(upload.checksum(), upload.uploadedAt(), problem));
        LOG.warning(() -> "Uploaded plugin not installed on this instance: " + problem);
      }
    }
    return new Pass(changed, refused.values().stream().map(Refusal::problem).toList());
  }

  /** Forgets a refusal: an admin installed that plugin on this instance since. */
  void forget(String pluginId) {
    refused.remove(pluginId);
  }

  private boolean isRefused(UploadedArchives.Stored upload) {
    Refusal refusal = refused.get(upload.pluginId());
    return refusal != null
        && refusal.checksum().equals(upload.checksum())
        && refusal.uploadedAt().equals(upload.uploadedAt());
  }
}
