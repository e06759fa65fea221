package llm

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Cache stores answers on disk, one file per key, readable only by the user (0600, in a 0700
// directory), each written atomically (a temporary file renamed into place). It never holds
// the API key: keys are hashes, values are the model's answers. A nil *Cache caches nothing.
type Cache struct {
	// Dir holds the entries.
	Dir string
}

// Key hashes the parts that decide an answer (model, base URL, prompts, schema version,
// transcript) into a cache key. Each part is length-prefixed, so no two lists collide.
func Key(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(strconv.Itoa(len(p))))
		h.Write([]byte{':'})
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (c *Cache) path(key string) string { return filepath.Join(c.Dir, key+".json") }

// Get returns the entry for key; ok is false when there is none.
func (c *Cache) Get(key string) (data []byte, ok bool, err error) {
	if c == nil {
		return nil, false, nil
	}
	data, err = os.ReadFile(c.path(key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read cache: %w", err)
	}
	return data, true, nil
}

// Put stores data under key, atomically.
func (c *Cache) Put(key string, data []byte) error {
	if c == nil {
		return nil
	}
	if err := os.MkdirAll(c.Dir, 0o700); err != nil {
		return fmt.Errorf("create cache directory: %w", err)
	}
	tmp, err := os.CreateTemp(c.Dir, ".tmp-*")
	if err != nil {
		return fmt.Errorf("write cache: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("write cache: %w", err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write cache: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write cache: %w", err)
	}
	if err := os.Rename(tmp.Name(), c.path(key)); err != nil {
		return fmt.Errorf("write cache: %w", err)
	}
	return nil
}

// Clear removes every entry and returns how many there were. A missing directory is empty.
func (c *Cache) Clear() (int, error) {
	entries, err := os.ReadDir(c.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read cache directory: %w", err)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !(strings.HasSuffix(name, ".json") || strings.HasPrefix(name, ".tmp-")) {
			continue
		}
		if err := os.Remove(filepath.Join(c.Dir, name)); err != nil {
			return n, fmt.Errorf("clear cache: %w", err)
		}
		if strings.HasSuffix(name, ".json") {
			n++
		}
	}
	return n, nil
}
