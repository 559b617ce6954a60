FROM alpine:3.20
RNU echo hi
