#!/usr/bin/env python3
"""Attacks on SIP over TCP from issue 10 (SIP finding 9), against a running vpbx on 127.0.0.1.

Usage: bench/tcp-limits.py SIP_PORT
  1. 2,000 idle connections (500 from each of 127.0.0.2..127.0.0.5): how many are open after 5 s and after 25 s;
  2. 50 slowloris connections sending a SIP request at 1 byte/s: how many are open after 25 s;
  3. 600 connections from one source: how many are accepted, how many closed at once;
  4. a request announcing Content-Length 10,000,000 and a 10 MB request: the answer, and whether the connection closes.
Bounded: every socket has a timeout, the whole run takes about a minute, and only 127.0.0.x is contacted.
"""
import socket
import sys
import time

PORT = int(sys.argv[1])
OPTIONS = ("OPTIONS sip:vpbx.example.com SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK{n}\r\n"
           "Max-Forwards: 70\r\nTo: <sip:vpbx.example.com>\r\nFrom: <sip:a@example.com>;tag=1\r\n"
           "Call-ID: limits-{n}@example.com\r\nCSeq: 1 OPTIONS\r\nContent-Length: {length}\r\n\r\n")


def connect(source):
    s = socket.socket()
    s.bind((source, 0))
    s.settimeout(5)
    s.connect(("127.0.0.1", PORT))
    return s


def still_open(sockets):
    """A socket the server closed reads EOF (or a reset) at once; an open one has nothing to read."""
    count = 0
    for s in sockets:
        s.setblocking(False)
        try:
            if s.recv(1) != b"":
                count += 1
        except BlockingIOError:
            count += 1
        except OSError:
            pass
    return count


def idle():
    held = [connect("127.0.0.%d" % (2 + i // 500)) for i in range(2000)]
    time.sleep(5)
    after5 = still_open(held)
    time.sleep(20)
    after25 = still_open(held)
    print("idle: 2000 connections, open after 5 s: %d, after 25 s: %d" % (after5, after25))
    for s in held:
        s.close()


def slowloris():
    message = OPTIONS.format(n="slow", length=0).encode()
    held = [connect("127.0.0.6") for _ in range(50)]
    start = time.time()
    for i in range(25):
        for s in held:
            try:
                s.send(message[i:i + 1])
            except OSError:
                pass
        time.sleep(max(0, start + i + 1 - time.time()))
    print("slowloris: 50 connections at 1 byte/s, open after 25 s: %d" % still_open(held))
    for s in held:
        s.close()


def per_source():
    held = [connect("127.0.0.7") for _ in range(600)]
    time.sleep(1)
    print("per source: 600 connections from one address, open after 1 s: %d" % still_open(held))
    for s in held:
        s.close()


def oversized(label, body_bytes, announced):
    s = connect("127.0.0.8")
    s.sendall(OPTIONS.format(n=label, length=announced).encode())
    answer = b""
    try:
        sent = 0
        chunk = b"x" * 65536
        while sent < body_bytes and b"\r\n\r\n" not in answer:
            s.sendall(chunk)
            sent += len(chunk)
            s.setblocking(False)
            try:
                answer += s.recv(4096)
            except BlockingIOError:
                pass
            s.setblocking(True)
        s.settimeout(5)
        while b"\r\n\r\n" not in answer:
            data = s.recv(4096)
            if not data:
                break
            answer += data
        closed = s.recv(1) == b""
    except OSError as e:
        closed = True
        answer = answer or ("(%s)" % e).encode()
    print("%s: answer %r, connection closed: %s" % (label, answer.split(b"\r\n")[0].decode(errors="replace"), closed))
    s.close()


idle()
slowloris()
per_source()
oversized("Content-Length 10,000,000", 0, 10_000_000)
oversized("10 MB request", 10_000_000, 10_000_000)
