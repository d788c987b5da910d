package dev.casebook.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * The one line a failure prints, in the user's terms: the file and what is wrong with it rather
 * than a Java exception's text (a bare path, "Not a directory"), and the port rather than
 * "Address already in use".
 */
final class FailureMessage {
  private FailureMessage() {}

  static String of(Throwable e) {
    Throwable t = e;
    while ((t instanceof UncheckedIOException || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof FileSystemException f) return file(f);
    if (t instanceof BindException) return "the port is already in use (try another with --port)";
    String message = t.getMessage();
    return message != null && !message.isBlank() ? message.strip() : t.getClass().getSimpleName();
  }

  private static String file(FileSystemException e) {
    String file = e.getFile() != null ? e.getFile() : "a file";
    String what;
    if (e instanceof NoSuchFileException) what = "no such file or folder";
    else if (e instanceof AccessDeniedException) what = "permission denied";
    else if (e instanceof NotDirectoryException) what = "not a folder";
    else if (e instanceof FileAlreadyExistsException) what = "already exists";
    else if (e instanceof DirectoryNotEmptyException) what = "the folder is not empty";
    else if (e.getReason() != null) what = reason(e.getReason());
    else what = "cannot be read or written";
    return file + ": " + what;
  }

  /** The operating system's reason, in Casebook's words where they differ. */
  private static String reason(String reason) {
    String r = reason.strip();
    return switch (r.toLowerCase(Locale.ROOT)) {
      case "not a directory" -> "a file is in the way where a folder belongs";
      case "is a directory" -> "is a folder, not a file";
      case "no space left on device" -> "no space left on the disk";
      default -> r.isEmpty() ? "cannot be read or written" : Character.toLowerCase(r.charAt(0)) + r.substring(1);
    };
  }

  /**
   * The failure to listen on {@code port}, named: "port 4000 is already in use (try --port 4001)";
   * any other failure as it is.
   */
  static IOException listening(int port, Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException bind) {
        String why = String.valueOf(bind.getMessage()).toLowerCase(Locale.ROOT);
        if (why.contains("permission denied")) {
          return new IOException("port " + port + " is not open to this user (ports below 1024 need administrator rights;"
              + " try one from 1024 up)", e);
        }
        return new IOException("port " + port + " is already in use (try --port " + (port < 65535 ? port + 1 : 1024) + ")", e);
      }
    }
    return e instanceof IOException io ? io : new IOException(of(e), e);
  }
}
