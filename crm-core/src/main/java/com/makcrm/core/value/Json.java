package com.makcrm.core.value;

import com.makcrm.core.error.CrmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON for JSONB columns: plain maps, lists, strings, numbers (BigDecimal) and booleans. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {}

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static Map<String, Object> readObject(String json) {
        if (json == null) {
            return new LinkedHashMap<>();
        }
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JacksonException e) {
            throw CrmException.internal("stored JSON is not an object: " + e.getOriginalMessage(), e);
        }
    }

    public static List<Object> readArray(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<List<Object>>() {});
        } catch (JacksonException e) {
            throw CrmException.internal("stored JSON is not an array: " + e.getOriginalMessage(), e);
        }
    }

    public static Object read(String json) {
        return json == null ? null : MAPPER.readValue(json, Object.class);
    }
}
