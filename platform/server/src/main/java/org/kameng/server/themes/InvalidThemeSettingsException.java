package org.kameng.server.themes;

import java.util.List;

/** A theme choice or its settings were refused; each fault names its field. */
public class InvalidThemeSettingsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<SettingsCheck.Fault> faults;

  public InvalidThemeSettingsException(List<SettingsCheck.Fault> faults) {
    super(
        faults.size() == 1
            ? faults.get(0).field() + ": " + faults.get(0).message()
            : faults.size() + " settings are not valid");
    this.faults = List.copyOf(faults);
  }

  public List<SettingsCheck.Fault> faults() {
    return faults;
  }
}
