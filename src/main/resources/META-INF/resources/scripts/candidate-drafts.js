/*
 * Keeps a candidate's typing in this tab's session storage until the server confirms it has stored it, so
 * text typed just before a reload, a crash or a closed tab is not lost:
 *  - every input in a field marked data-draft-key is recorded under the task's position and the field's path;
 *  - the server confirms each save with a fingerprint of every stored field, and matching entries are dropped;
 *  - when the page is hidden or closed, what is still unconfirmed is sent with navigator.sendBeacon;
 *  - after a reload, the page asks for what was left and sends it to the server again;
 *  - leaving the page while something is unconfirmed asks first, except when the page reloads itself because
 *    the server no longer knows its session (the node that served it stopped, or the session ended): then the
 *    text is safe in this tab's storage, the reload happens without a question, and the reloaded page sends it.
 * Entries carry the id of the page that typed them, so the server can refuse text from a tab that another tab
 * has since taken over.
 */
(function () {
  'use strict';
  if (window.assayDrafts) {
    return;
  }
  let attempt = null;
  let page = null;
  let endpoint = null;
  /** Set when a server reply says the session is gone: the client is about to reload the page itself. */
  let sessionGone = false;

  /**
   * Watches the page's requests for Flow's "session expired" reply, which makes the client reload the page. A
   * prompt then would stop the automatic recovery after a node is lost, so the reload goes ahead unasked.
   * The reply is seen by wrapping the request's readystatechange handler, which Flow's client sets before
   * sending; the wrapper looks at the finished reply before Flow's handler starts the reload.
   */
  function watchForEndedSessions() {
    const property = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, 'onreadystatechange');
    if (!property || !property.set || XMLHttpRequest.prototype.assayWatched) {
      return;
    }
    XMLHttpRequest.prototype.assayWatched = true;
    Object.defineProperty(XMLHttpRequest.prototype, 'onreadystatechange', {
      configurable: true,
      enumerable: property.enumerable,
      get() {
        return property.get.call(this);
      },
      set(handler) {
        if (typeof handler !== 'function') {
          property.set.call(this, handler);
          return;
        }
        property.set.call(this, function (event) {
          try {
            if (this.readyState === 4 && typeof this.responseText === 'string'
                && this.responseText.indexOf('"sessionExpired":true') >= 0) {
              sessionGone = true;
            }
          } catch (e) {
            // a reply that cannot be read as text: not Flow's
          }
          return handler.apply(this, arguments);
        });
      }
    });
  }

  /** The same fingerprint as the server's: length and Java's String.hashCode over UTF-16 code units. */
  function fingerprint(text) {
    let h = 0;
    for (let i = 0; i < text.length; i++) {
      h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
    }
    return text.length + ':' + h;
  }

  function storageKey() {
    return 'assay-draft:' + attempt;
  }

  function read() {
    try {
      const stored = JSON.parse(sessionStorage.getItem(storageKey()) || 'null');
      return stored && typeof stored === 'object' ? stored : {page: page, tasks: {}};
    } catch (e) {
      return {page: page, tasks: {}};
    }
  }

  function write(drafts) {
    try {
      sessionStorage.setItem(storageKey(), JSON.stringify(drafts));
    } catch (e) {
      // Storage full or unavailable: the server's own saving still works, only this safety net is missing.
    }
  }

  function pending(drafts) {
    return Object.values((drafts || read()).tasks || {}).some(t => Object.keys(t).length > 0);
  }

  function token() {
    const at = location.pathname.lastIndexOf('/c/');
    return at < 0 ? null : decodeURIComponent(location.pathname.substring(at + 3).split('/')[0]);
  }

  function flush() {
    if (!attempt) {
      return;
    }
    const drafts = read();
    if (!pending(drafts) || drafts.page !== page || !navigator.sendBeacon) {
      return;
    }
    const body = JSON.stringify({token: token(), page: page, drafts: drafts.tasks});
    navigator.sendBeacon(endpoint, new Blob([body], {type: 'text/plain'}));
  }

  window.assayDrafts = {
    /**
     * Starts recording for this page and returns what an earlier page of this tab left unconfirmed
     * ({page, tasks}), or null.
     */
    init(root, attemptKey, pageId, beaconUrl) {
      attempt = attemptKey;
      page = pageId;
      endpoint = beaconUrl;
      const left = read();
      const earlier = left.page !== page && pending(left) ? left : null;
      if (!earlier) {
        write({page: page, tasks: {}});
      }
      if (!root.assayDraftsInstalled) {
        root.assayDraftsInstalled = true;
        root.addEventListener('input', e => {
          const host = e.composedPath().find(n => n.dataset && n.dataset.draftKey);
          const position = root.dataset.position;
          if (!host || position === undefined || host.readonly) {
            return;
          }
          const value = e.target && typeof e.target.value === 'string' ? e.target.value : host.value;
          window.assayDrafts.record(position, host.dataset.draftKey, value);
        });
        window.addEventListener('pagehide', flush);
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'hidden') {
            flush();
          }
        });
        watchForEndedSessions();
        window.addEventListener('beforeunload', e => {
          if (attempt && pending()) {
            flush();
            if (sessionGone) {
              return; // the client reloads on its own; the reloaded page sends what is left
            }
            e.preventDefault();
            e.returnValue = '';
          }
        });
      }
      return earlier;
    },

    record(position, path, value) {
      const drafts = read();
      if (drafts.page !== page) {
        drafts.page = page;
        drafts.tasks = {};
      }
      (drafts.tasks[position] = drafts.tasks[position] || {})[path] = value;
      write(drafts);
    },

    /** The server stored these fields (path to fingerprint): entries still equal to them are done. */
    confirm(position, stored) {
      const drafts = read();
      const task = drafts.tasks && drafts.tasks[position];
      if (!task) {
        return;
      }
      const fingerprints = typeof stored === 'string' ? JSON.parse(stored) : stored;
      for (const [path, value] of Object.entries(task)) {
        if (fingerprints[path] === fingerprint(value)) {
          delete task[path];
        }
      }
      write(drafts);
    },

    /** Fields moved (a step went up or down, or was removed): old path prefix to new prefix, or null. */
    rekey(position, renames) {
      const drafts = read();
      const task = drafts.tasks && drafts.tasks[position];
      if (!task) {
        return;
      }
      const map = typeof renames === 'string' ? JSON.parse(renames) : renames;
      const moved = {};
      for (const [path, value] of Object.entries(task)) {
        const prefix = Object.keys(map).find(p => path.startsWith(p));
        if (prefix === undefined) {
          moved[path] = value;
        } else if (map[prefix] !== null) {
          moved[map[prefix] + path.substring(prefix.length)] = value;
        }
      }
      drafts.tasks[position] = moved;
      write(drafts);
    },

    clear() {
      if (attempt) {
        write({page: page, tasks: {}});
      }
    },

    /** Stops recording, e.g. once the attempt is submitted. */
    stop() {
      if (attempt) {
        try {
          sessionStorage.removeItem(storageKey());
        } catch (e) {
          // nothing to do
        }
      }
      attempt = null;
    },

    pending() {
      return attempt ? pending() : false;
    },

    /** Whether a reply said the session is gone (the page is about to reload itself). */
    sessionGone() {
      return sessionGone;
    },

    flush: flush,
    fingerprint: fingerprint
  };
})();
