import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * Slow-client attack on the collector, for bench/collect-bench.sh: keeps COUNT connections to
 * 127.0.0.1:PORT open that each send one byte of a request line and then nothing. A connection the
 * collector closes (its idle timeout) is opened again at once. Stops by itself after SECONDS and
 * closes every connection.
 *
 *   java bench/SilentClients.java PORT COUNT SECONDS
 */
public final class SilentClients {
  public static void main(String[] args) throws IOException, InterruptedException {
    int port = Integer.parseInt(args[0]);
    int count = Math.min(Integer.parseInt(args[1]), 5000);
    long seconds = Math.min(Long.parseLong(args[2]), 600);
    InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    int reopened = 0;
    int fewest = Integer.MAX_VALUE;
    try (Selector selector = Selector.open()) {
      for (int i = 0; i < count; i++) open(selector, target);
      System.out.println("silent connections open: " + selector.keys().size());
      System.out.flush();
      ByteBuffer sink = ByteBuffer.allocate(4096);
      while (System.nanoTime() < deadline) {
        selector.select(200);
        for (SelectionKey k : selector.selectedKeys()) {
          SocketChannel ch = (SocketChannel) k.channel();
          sink.clear();
          int n;
          try {
            n = ch.read(sink);
          } catch (IOException e) {
            n = -1;
          }
          if (n < 0) {
            k.cancel();
            ch.close();
            open(selector, target);
            reopened++;
          }
        }
        selector.selectedKeys().clear();
        selector.selectNow();
        fewest = Math.min(fewest, selector.keys().size());
      }
      for (SelectionKey k : selector.keys()) k.channel().close();
    }
    System.out.println("silent connections: " + count + " kept open (fewest at once " + fewest + "), "
        + reopened + " opened again after the collector closed them");
  }

  private static void open(Selector selector, InetSocketAddress target) throws IOException {
    SocketChannel ch = SocketChannel.open(target);
    ch.write(ByteBuffer.wrap(new byte[] {'P'}));
    ch.configureBlocking(false);
    ch.register(selector, SelectionKey.OP_READ);
  }
}
