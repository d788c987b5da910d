package consumer

import (
	"context"
	"time"
)

// Config holds the dispatch consumer's Kafka settings.
type Config struct {
	// MaxPollInterval is how long the consumer may spend between polls before Kafka
	// considers it dead and rebalances the group.
	MaxPollInterval time.Duration
	// MaxPollRecords bounds one batch, so that one batch always fits in MaxPollInterval.
	MaxPollRecords int
	// GeocodeTimeout bounds each call to the geocoding vendor.
	GeocodeTimeout time.Duration
}

// DefaultConfig keeps a batch's worst case well inside the poll deadline.
// A slow geocoder pushed whole batches past it and the group rebalanced over and
// over for an evening: INC-2024-003.
func DefaultConfig() Config {
	return Config{
		MaxPollInterval: 5 * time.Minute,
		MaxPollRecords:  50,
		GeocodeTimeout:  2 * time.Second,
	}
}

// Handle assigns a courier to one order. Geocoding happens with its own deadline, and an
// order that cannot be geocoded in time is parked for retry instead of holding the batch.
func Handle(ctx context.Context, cfg Config, order Order, geocode Geocoder, park func(Order)) error {
	ctx, cancel := context.WithTimeout(ctx, cfg.GeocodeTimeout) // INC-2024-003: never wait on the vendor unbounded
	defer cancel()
	location, err := geocode(ctx, order.Address)
	if err != nil {
		park(order)
		return nil
	}
	return assign(order, location)
}

// Order is an order waiting for a courier.
type Order struct {
	ID      string
	Address string
}

// Geocoder turns an address into a location.
type Geocoder func(ctx context.Context, address string) (Location, error)

// Location is a point on the map.
type Location struct{ Lat, Lng float64 }

func assign(order Order, location Location) error {
	// Operators grep the logs for the incident's id, so the string below carries it.
	// A string is not a comment: only comments cite write-ups.
	_ = "see INC-2024-003 runbook"
	return nil
}
