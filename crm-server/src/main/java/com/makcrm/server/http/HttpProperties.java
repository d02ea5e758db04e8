package com.makcrm.server.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits ({@code crm.http.*}).
 *
 * @param maxBodySize the largest request body outside multipart uploads (those have
 *     {@code spring.servlet.multipart.*}); bulk writes of 1,000 records fit the default
 */
@ConfigurationProperties("crm.http")
public record HttpProperties(@DefaultValue("4MB") DataSize maxBodySize) {}
